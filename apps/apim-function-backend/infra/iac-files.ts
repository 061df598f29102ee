import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

/** The recipe root (the folder holding package.json, apim/ and infra/). */
export const recipeDir: string = resolve(import.meta.dirname, '..');

/** Reads a file relative to the recipe root. */
export function readRecipeFile(path: string): string {
  return readFileSync(join(recipeDir, path), 'utf8');
}

/** Shared IaC modules an IaC file uses: `module x '<path>.bicep'` or `source = "<dir>"`, as absolute paths. */
export function sharedModulePaths(iacPath: string): string[] {
  const source = readRecipeFile(iacPath);
  const pattern = iacPath.endsWith('.bicep')
    ? /^module \w+ '(\.[^']+\.bicep)'/gm
    : /^\s*source\s*=\s*"(\.[^"]+)"/gm;
  const base = dirname(join(recipeDir, iacPath));
  return [...source.matchAll(pattern)].map((match) => resolve(base, match[1] ?? ''));
}

/** The text of the shared module `name` that an IaC file uses (a Terraform module's .tf files joined). */
export function readSharedModule(iacPath: string, name: string): string {
  const path = sharedModulePaths(iacPath).find(
    (modulePath) => basename(modulePath, '.bicep') === name,
  );
  if (path === undefined) throw new Error(`${iacPath} does not use the shared module ${name}`);
  if (path.endsWith('.bicep')) return readFileSync(path, 'utf8');
  return ['main.tf', 'variables.tf', 'outputs.tf']
    .map((file) => join(path, file))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

/** Every policy XML under apim/, as recipe-relative paths. */
export function policyFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(recipeDir, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : entry.name.endsWith('.xml')
          ? [join(dir, entry.name)]
          : [],
    );
  return walk('apim').sort();
}

/** Files an IaC file loads, resolved to recipe-relative paths. */
export function loadedFiles(iacPath: string): string[] {
  const source = readRecipeFile(iacPath);
  const pattern = iacPath.endsWith('.bicep')
    ? /load(?:TextContent|JsonContent|YamlContent|FileAsBase64)\(\s*'([^']+)'/g
    : /\bfile\(\s*"\$\{path\.module\}\/([^"]+)"\s*\)/g;
  const base = dirname(join(recipeDir, iacPath));
  return [...source.matchAll(pattern)].map((match) =>
    relative(recipeDir, resolve(base, match[1] ?? '')),
  );
}

/** `{{name}}` references in a text. */
export function namedValueReferences(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{([^{}]+)\}\}/g)].map((match) => match[1] ?? ''))];
}

/** Each match of `header` together with the brace block that follows it. */
export function blockAfter(source: string, header: RegExp): string[] {
  const blocks: string[] = [];
  for (const match of source.matchAll(new RegExp(header.source, 'g'))) {
    const start = source.indexOf('{', (match.index ?? 0) + match[0].length - 1);
    let depth = 0;
    for (let i = start; i < source.length; i += 1) {
      if (source[i] === '{') depth += 1;
      if (source[i] === '}') depth -= 1;
      if (depth === 0) {
        blocks.push(source.slice(match.index ?? 0, i + 1));
        break;
      }
    }
  }
  return blocks;
}

/** Named values a Bicep file declares: literal `name:` resources and `for … in items(var)` loops. */
export function bicepNamedValues(source: string): string[] {
  const names: string[] = [];
  for (const block of blockAfter(
    source,
    /resource \w+ 'Microsoft\.ApiManagement\/service\/namedValues@[^']+' = \[?/,
  )) {
    const loop = /for \w+ in items\((\w+)\)/.exec(block);
    if (loop) {
      const [variable] = blockAfter(source, new RegExp(`var ${loop[1]} = `));
      names.push(...[...(variable ?? '').matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1] ?? ''));
    } else {
      names.push(...[...block.matchAll(/^\s*name: '([^']+)'/gm)].map((m) => m[1] ?? ''));
    }
  }
  return names;
}

/** Named values a Terraform file declares: literal `name =` resources and `for_each = local.map`. */
export function terraformNamedValues(source: string): string[] {
  const names: string[] = [];
  for (const block of blockAfter(source, /resource "azurerm_api_management_named_value" "\w+" /)) {
    const loop = /for_each\s*=\s*local\.(\w+)/.exec(block);
    if (loop) {
      const [map] = blockAfter(source, new RegExp(`\\b${loop[1]}\\s*=\\s*`));
      names.push(...[...(map ?? '').matchAll(/^\s*"([^"]+)"\s*=/gm)].map((m) => m[1] ?? ''));
    } else {
      names.push(...[...block.matchAll(/^\s*name\s*=\s*"([^"]+)"/gm)].map((m) => m[1] ?? ''));
    }
  }
  return names;
}
