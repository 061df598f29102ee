import type { Input, ModuleCall } from './bicep-file.js';
import { blocks, type IacText, iacText, topLevelEntries } from './iac-text.js';

export interface TerraformFiles {
  texts: IacText[];
  variables: (Input & { sensitive: boolean; hasDescription: boolean; hasType: boolean })[];
  outputs: string[];
  /** `azurerm_x` types of `resource` blocks (data sources excluded). */
  resourceTypes: string[];
  modules: ModuleCall[];
  /** Version constraint per provider in `required_providers`. */
  providerVersions: Record<string, string>;
  /** The expression a `locals` entry holds. */
  local(name: string): IacText | undefined;
}

// Arguments of a module block that are Terraform's own, not the module's variables.
const MODULE_META_ARGUMENTS = new Set([
  'source',
  'version',
  'providers',
  'depends_on',
  'count',
  'for_each',
]);

const unquote = (value: string): string => /"([^"]*)"/.exec(value)?.[1] ?? value.trim();

/** Reads what a set of .tf files (one module, or one root) takes, deploys, calls and returns. */
export function parseTerraform(sources: string[]): TerraformFiles {
  const texts = sources.map((source) => iacText(source, 'terraform'));
  const named = (header: RegExp) =>
    texts.flatMap((text) =>
      blocks(text, header).map(({ match, body }) => ({
        // Block labels are strings, blank in the mask; read them from the source.
        labels: [
          ...text.source
            .slice(match.index ?? 0, (match.index ?? 0) + match[0].length)
            .matchAll(/"([^"]+)"/g),
        ].map((label) => label[1] ?? ''),
        body,
      })),
    );

  const variables = named(/^variable\s+[^{\n]*/m).map(({ labels, body }) => {
    const entries = topLevelEntries(body);
    const defaultEntry = entries.find((entry) => entry.key === 'default');
    return {
      name: labels[0] ?? '',
      optional: defaultEntry !== undefined,
      ...(defaultEntry === undefined ? {} : { defaultValue: defaultEntry.value.source.trim() }),
      sensitive: entries.some(
        (entry) => entry.key === 'sensitive' && entry.value.source.trim() === 'true',
      ),
      hasDescription: entries.some((entry) => entry.key === 'description'),
      hasType: entries.some((entry) => entry.key === 'type'),
    };
  });

  const outputs = named(/^output\s+[^{\n]*/m).map(({ labels }) => labels[0] ?? '');
  const resourceTypes = named(/^resource\s+[^{\n]*/m).map(({ labels }) => labels[0] ?? '');

  const modules = named(/^module\s+[^{\n]*/m).map(({ labels, body }) => {
    const entries = topLevelEntries(body);
    return {
      name: labels[0] ?? '',
      target: unquote(entries.find((entry) => entry.key === 'source')?.value.source ?? ''),
      arguments: entries.map((entry) => entry.key).filter((key) => !MODULE_META_ARGUMENTS.has(key)),
    };
  });

  const providerVersions: Record<string, string> = {};
  for (const { body } of named(/^\s*required_providers\s*/m))
    for (const provider of topLevelEntries(body)) {
      const version = topLevelEntries(provider.value).find((entry) => entry.key === 'version');
      if (version) providerVersions[provider.key] = unquote(version.value.source);
    }

  const local = (name: string): IacText | undefined =>
    named(/^locals\s*/m)
      .flatMap(({ body }) => topLevelEntries(body))
      .find((entry) => entry.key === name)?.value;

  return { texts, variables, outputs, resourceTypes, modules, providerVersions, local };
}
