import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { format } from 'prettier';

import { readRecipes, WORKSPACE_ROOT } from './read-recipes.js';
import { startRecipeStack } from './recipe-stack.js';
import { withRecipeTable } from './recipe-table.js';
import { serveRecipe } from './serve-recipe.js';

const USAGE = `Usage: tsx --conditions=@cookbook/source tools/recipes/src/cli.ts <command>

Commands:
  readme-table [--check]     Rewrite (or only compare) the root README's recipe table
  stack <recipe> [--host-port N] [--gateway-port N] [--host-key K] [--auth] [--verbose]
                             Run a built recipe on the local host, behind its local gateway if it has one
  serve <recipe> [host serve options]
                             Start the recipe's local services, then 'functions-host serve' pointed at them
`;

const [first, second, ...rest] = process.argv.slice(2);
if (first === 'serve' && second) {
  // everything after the recipe name belongs to the host's serve command
  const recipe = readRecipes().find((candidate) => candidate.name === second);
  if (!recipe) throw new Error(`No recipe "${second}"`);
  process.exit(await serveRecipe(recipe, rest));
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    check: { type: 'boolean', default: false },
    'host-port': { type: 'string' },
    'gateway-port': { type: 'string' },
    'host-key': { type: 'string' },
    auth: { type: 'boolean' },
    verbose: { type: 'boolean', default: false },
  },
});
const [command, name] = positionals;

if (command === 'readme-table') {
  const file = join(WORKSPACE_ROOT, 'README.md');
  const current = readFileSync(file, 'utf8');
  const next = await format(withRecipeTable(current, readRecipes()), { filepath: file });
  if (!values.check) writeFileSync(file, next);
  else if (next !== current) {
    process.stderr.write(
      'README.md recipe table is stale: run `npx nx run recipes:readme-table`\n',
    );
    process.exitCode = 1;
  }
} else if (command === 'stack' && name) {
  const recipe = readRecipes().find((candidate) => candidate.name === name);
  if (!recipe)
    throw new Error(
      `No recipe "${name}"; recipes: ${readRecipes()
        .map((r) => r.name)
        .join(', ')}`,
    );
  const port = (value: string | undefined): number | undefined =>
    value === undefined ? undefined : Number(value);
  const stack = await startRecipeStack(recipe, {
    hostPort: port(values['host-port']),
    gatewayPort: port(values['gateway-port']),
    hostKey: values['host-key'],
    auth: values.auth,
    verbose: values.verbose,
  });
  process.stdout.write(
    `${recipe.name}: host ${stack.hostUrl}${stack.gatewayUrl ? `, gateway ${stack.gatewayUrl}` : ''}\n`,
  );
  const stop = (): void => void stack.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  process.stderr.write(USAGE);
  process.exitCode = 2;
}
