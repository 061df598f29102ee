import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

import { metadataLine, type RecipeMetadata, RecipeMetadataSchema } from '@cookbook/recipes';

import { sourceFiles } from './workspace-layout.js';
import { workspaceRoot } from './workspace-root.js';

/** README sections every recipe page has, in this order (the cookbook page template). */
export const recipeReadmeSections: readonly string[] = [
  'Overview',
  'When to Use',
  'When NOT to Use',
  'Architecture',
  'Behavior',
  'Implementation',
  'Run Locally',
  'Expected Output',
  'Production Considerations',
];

const requiredFiles = ['README.md', 'host.json', 'local.settings.example.json', 'requests.http'];

/** Lists every way a recipe folder breaks the cookbook's recipe contract. */
export function recipeContractViolations(recipeDir: string): string[] {
  const problems: string[] = [];
  const abs = (path: string): string => resolve(workspaceRoot, recipeDir, path);
  for (const file of requiredFiles) {
    if (!existsSync(abs(file))) problems.push(`missing ${file}`);
  }
  const metadata = readMetadata(abs('package.json'), problems);
  if (existsSync(abs('README.md'))) {
    const readme = readFileSync(abs('README.md'), 'utf8');
    problems.push(...readmeProblems(readme));
    if (metadata) problems.push(...metadataProblems(readme, metadata));
  }

  const files = sourceFiles(recipeDir);
  if (!files.includes(join(recipeDir, 'src/main.ts'))) problems.push('missing src/main.ts');
  const registering = files.filter(
    (file) =>
      !file.endsWith('.test.ts') &&
      /\bapp\.(http|get|post|put|patch|deleteRequest|hook|setup)\(/.test(
        readFileSync(resolve(workspaceRoot, file), 'utf8'),
      ),
  );
  for (const file of registering) {
    if (!file.endsWith('src/main.ts')) problems.push(`${file} calls app.*; only src/main.ts may`);
  }
  if (!files.some((file) => file.endsWith('.test.ts'))) problems.push('no unit test under src/');
  const folder = basename(recipeDir);
  const specsDir = resolve(workspaceRoot, 'apps/e2e/src/specs');
  const specs = existsSync(specsDir) ? readdirSync(specsDir) : [];
  if (!specs.some((spec) => spec === `${folder}.spec.ts` || spec === `${folder}.local.spec.ts`)) {
    problems.push(`no e2e spec apps/e2e/src/specs/${folder}.spec.ts`);
  }
  return problems;
}

function readMetadata(packageFile: string, problems: string[]): RecipeMetadata | undefined {
  if (!existsSync(packageFile)) return undefined;
  const pkg = JSON.parse(readFileSync(packageFile, 'utf8')) as { cookbook?: unknown };
  if (pkg.cookbook === undefined) {
    problems.push('package.json lacks the "cookbook" metadata block');
    return undefined;
  }
  const parsed = RecipeMetadataSchema.safeParse(pkg.cookbook);
  if (!parsed.success) problems.push(`package.json "cookbook" is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** The page's title and metadata line are the registry's, so the site, table and page agree. */
function metadataProblems(readme: string, metadata: RecipeMetadata): string[] {
  const problems: string[] = [];
  const title = /^# (.+)$/m.exec(readme)?.[1];
  if (title !== metadata.title)
    problems.push(`README title "${title}" differs from metadata title "${metadata.title}"`);
  if (!readme.split('\n').includes(metadataLine(metadata))) {
    problems.push(
      `README lacks the metadata line "${metadataLine(metadata)}" (from package.json "cookbook")`,
    );
  }
  return problems;
}

function readmeProblems(readme: string): string[] {
  const problems: string[] = [];
  if (!/Trigger:\s*\S.*\|\s*Guarantee:\s*\S.*\|\s*Complexity:\s*\S/.test(readme)) {
    problems.push('README lacks the metadata line "Trigger: … | Guarantee: … | Complexity: …"');
  }
  const headings = [...readme.matchAll(/^##\s+(.+?)\s*$/gm)].map((m) => m[1] ?? '');
  let cursor = -1;
  for (const section of recipeReadmeSections) {
    const index = headings.findIndex((h) => h.toLowerCase().startsWith(section.toLowerCase()));
    if (index === -1) problems.push(`README lacks section "## ${section}"`);
    else if (index < cursor) problems.push(`README section "## ${section}" is out of order`);
    else cursor = index;
  }
  if (!/```mermaid[\s\S]*?flowchart|```mermaid[\s\S]*?graph /.test(readme)) {
    problems.push('README lacks a mermaid architecture diagram');
  }
  if (!/```mermaid[\s\S]*?sequenceDiagram/.test(readme)) {
    problems.push('README lacks a mermaid sequence diagram');
  }
  return problems;
}
