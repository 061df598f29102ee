import {
  closingOffset,
  codeMatches,
  type IacText,
  iacText,
  slice,
  topLevelEntries,
} from './iac-text.js';

export interface Input {
  name: string;
  /** Has a default (or a nullable type), so a caller may leave it out. */
  optional: boolean;
  /** The default as written, when there is one. */
  defaultValue?: string;
}

export interface ModuleCall {
  name: string;
  /** The module path or source as written. */
  target: string;
  arguments: string[];
}

export interface BicepFile {
  text: IacText;
  params: Input[];
  outputs: string[];
  /** `Microsoft.X/y` types this file deploys (not `existing` references). */
  resourceTypes: string[];
  modules: ModuleCall[];
  /** The expression a `var` holds. */
  variable(name: string): IacText | undefined;
}

/** Reads what a Bicep file takes, deploys, calls and returns. */
export function parseBicep(source: string): BicepFile {
  const text = iacText(source, 'bicep');
  const lineAt = (index: number): string => {
    const end = source.indexOf('\n', index);
    return source.slice(index, end === -1 ? source.length : end).trimEnd();
  };

  const params = codeMatches(text, /^param\s+(\w+)\s/m).map((match) => {
    const declaration = /^param\s+\w+\s+([^=\s]+)\s*(?:=\s*(.*))?$/.exec(lineAt(match.index ?? 0));
    const type = declaration?.[1] ?? '';
    const defaultValue = declaration?.[2]?.trim();
    return {
      name: match[1] ?? '',
      optional: defaultValue !== undefined || type.endsWith('?'),
      ...(defaultValue === undefined ? {} : { defaultValue }),
    };
  });

  const outputs = codeMatches(text, /^output\s+(\w+)\s/m).map((match) => match[1] ?? '');

  // Types are string literals, blank in the mask: the mask finds the declaration, the source names it.
  const resourceTypes = codeMatches(text, /^resource\s+\w+\s+(existing\s+)?=/m)
    .filter((match) => match[1] === undefined)
    .map((match) => /^resource\s+\w+\s+'([^'@]+)@/.exec(lineAt(match.index ?? 0))?.[1] ?? '');

  const modules = codeMatches(text, /^module\s+(\w+)\s+=\s*/m).map((match) => {
    const target = /^module\s+\w+\s+'([^']*)'/.exec(lineAt(match.index ?? 0))?.[1] ?? '';
    const from = (match.index ?? 0) + match[0].length;
    // A module loop (`[for x in y: {...}]`) has its body at the first `{`.
    const open = from + text.mask.slice(from).indexOf('{');
    const body = slice(text, open, closingOffset(text, open));
    const params = topLevelEntries(body).find((entry) => entry.key === 'params');
    const args = params ? topLevelEntries(params.value).map((entry) => entry.key) : [];
    return { name: match[1] ?? '', target, arguments: args };
  });

  const variable = (name: string): IacText | undefined => {
    const declaration = codeMatches(text, new RegExp(`^var\\s+${name}\\s*=`, 'm'))[0];
    if (declaration === undefined) return undefined;
    const start = (declaration.index ?? 0) + declaration[0].length;
    // Read `value: <expression>` as the one entry of an object, which ends the expression correctly.
    const wrapped = iacText(`{ value:${source.slice(start)}`, 'bicep');
    return topLevelEntries(wrapped).find((entry) => entry.key === 'value')?.value;
  };

  return { text, params, outputs, resourceTypes, modules, variable };
}
