/** The values the generator derives from its options. */
export interface RecipeValues {
  name: string;
  summary: string;
  httpKit: boolean;
  trigger: string;
  complexity: string;
  guarantee: string;
  functionName: string;
  title: string;
}

const LOCAL_SOURCE = '--conditions=@cookbook/source';

/** A recipe's package.json: registry metadata, runtime dependencies at the root's versions, Nx targets. */
export function recipePackageJson(
  values: RecipeValues,
  rootDependencies: Record<string, string>,
): object {
  const version = (name: string): string => {
    const pinned = rootDependencies[name];
    if (!pinned) throw new Error(`the root package.json pins no version of ${name}`);
    return pinned;
  };
  const { name, httpKit } = values;
  const runtime: Record<string, string> = { '@azure/functions': version('@azure/functions') };
  if (httpKit)
    Object.assign(runtime, {
      '@cookbook/http-kit': '*',
      '@cookbook/logging': '*',
      zod: version('zod'),
    });
  const inRecipe = { cwd: '{projectRoot}' };
  return {
    name: `@cookbook/${name}`,
    version: '0.0.0',
    private: true,
    type: 'module',
    description: values.summary,
    cookbook: {
      title: values.title,
      summary: values.summary,
      trigger: values.trigger,
      guarantee: values.guarantee,
      complexity: values.complexity,
      tags: [values.trigger.toLowerCase()],
      related: [],
      libs: httpKit ? ['http-kit', 'logging'] : [],
      local: { auth: false, readyPath: `/api/${name}` },
    },
    main: 'dist/main.js',
    dependencies: runtime,
    devDependencies: { '@cookbook/functions-host': '*' },
    nx: {
      name,
      tags: ['type:recipe'],
      targets: {
        ...(httpKit
          ? {
              openapi: {
                command: `tsx ${LOCAL_SOURCE} scripts/write-openapi.ts dist/openapi.json`,
                options: inRecipe,
                cache: true,
                inputs: ['production', '^production'],
                outputs: ['{projectRoot}/dist/openapi.json'],
              },
            }
          : {}),
        build: {
          executor: '@cookbook/functions-host:bundle',
          ...(httpKit ? { dependsOn: ['openapi'] } : {}),
          cache: true,
          inputs: ['production', '^production'],
          outputs: ['{projectRoot}/dist/main.js', '{projectRoot}/dist/main.js.map'],
        },
        serve: { executor: '@cookbook/functions-host:serve' },
        'capture-output': {
          command: `tsx ${LOCAL_SOURCE} ../../tools/workspace-checks/src/expected-output/cli.ts .`,
          options: inRecipe,
          dependsOn: ['build'],
          cache: false,
        },
      },
    },
  };
}
