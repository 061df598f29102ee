import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { XMLParser } from 'fast-xml-parser';

/** One policy statement: its element name, attributes and child statements, in document order. */
export interface PolicyElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly PolicyElement[];
  readonly text: string;
}

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

function toElement(node: OrderedNode): PolicyElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (name === undefined || name.startsWith('#') || name.startsWith('?')) return undefined;
  const content = (node[name] as OrderedNode[] | undefined) ?? [];
  return {
    name,
    attributes: (node[':@'] as Record<string, string> | undefined) ?? {},
    children: content.map(toElement).filter((child) => child !== undefined),
    text: content
      .filter((child) => '#text' in child)
      .map((child) => String(child['#text']))
      .join(''),
  };
}

/** Parses a policy file of this recipe (path relative to apim/) into its `<policies>` root. */
export function readPolicy(file: string): PolicyElement {
  const source = readFileSync(join(import.meta.dirname, file), 'utf8');
  const roots = (parser.parse(source) as OrderedNode[])
    .map(toElement)
    .filter((e) => e !== undefined);
  const [root] = roots;
  if (root?.name !== 'policies') throw new Error(`${file}: the root element is not <policies>`);
  return root;
}

/** The statements of one section (`inbound`, `backend`, `outbound`, `on-error`). */
export function section(policy: PolicyElement, name: string): readonly PolicyElement[] {
  const found = policy.children.find((child) => child.name === name);
  if (!found) throw new Error(`no <${name}> section`);
  return found.children;
}

/** Index of the first statement matching `predicate`, or -1. */
export function indexOf(
  statements: readonly PolicyElement[],
  predicate: (element: PolicyElement) => boolean,
): number {
  return statements.findIndex(predicate);
}

/** Matches `<name attr="value" ...>` for every given attribute. */
export function is(
  name: string,
  attributes: Readonly<Record<string, string>> = {},
): (element: PolicyElement) => boolean {
  return (element) =>
    element.name === name &&
    Object.entries(attributes).every(([key, value]) => element.attributes[key] === value);
}

/** Every element below `root` (depth first), e.g. to find statements inside `<choose>`. */
export function descendants(root: PolicyElement): PolicyElement[] {
  return root.children.flatMap((child) => [child, ...descendants(child)]);
}
