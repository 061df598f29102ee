import { substituteNamedValues } from '../config/named-values.js';
import { CompileContext, segmentNames } from '../policies/compile-context.js';
import type { GatewayServices } from '../policies/gateway-services.js';
import type { PolicyNode, PolicyScopeName } from '../policies/policy-node.js';
import { GatewayLoadError } from '../xml/load-error.js';
import { parseXml, type PolicyFormat } from '../xml/parse-xml.js';
import type { XmlElement } from '../xml/xml-element.js';
import { compileElement, compileNodes } from './compile-element.js';
import { ALL_SECTIONS, type Section } from './section.js';

export type ComposedPolicy = Readonly<Record<Section, readonly PolicyNode[]>>;

export const EMPTY_POLICY: ComposedPolicy = {
  inbound: [],
  backend: [],
  outbound: [],
  'on-error': [],
};

export const DEFAULT_GLOBAL_POLICY_XML =
  '<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>';

export interface PolicyDocumentInput {
  source: string;
  /** How the file is deployed: 'xml' (strict) or 'rawxml' (expressions unescaped). */
  format?: PolicyFormat;
  file: string;
  scope: PolicyScopeName;
  /** The composed policy of the broader scope that `<base/>` inserts. */
  parent: ComposedPolicy;
  namedValues: ReadonlyMap<string, string>;
  services: GatewayServices;
}

/** Parses, validates and compiles one scope's document, splicing the parent at each `<base/>`. */
export function compilePolicyDocument(input: PolicyDocumentInput): ComposedPolicy {
  const root = parseXml(input.source, input.file, input.format ?? 'xml');
  const fail = (where: string | undefined, message: string): never => {
    throw new GatewayLoadError(input.file, where, message);
  };
  if (root.name !== 'policies')
    fail(`line ${root.line}`, `root element must be <policies>, got <${root.name}>`);
  if (Object.keys(root.attributes).length > 0) fail('policies', '<policies> takes no attributes');
  if (root.text.trim() !== '') fail('policies', 'unexpected text inside <policies>');
  checkOncePerDocument(root, input.file);
  substituteTree(root, '', input);
  const composed: Record<Section, readonly PolicyNode[]> = { ...input.parent };
  const seen = new Set<string>();
  for (const element of root.children) {
    if (!(ALL_SECTIONS as readonly string[]).includes(element.name)) {
      fail(
        `line ${element.line}`,
        `unknown section <${element.name}> (expected inbound, backend, outbound, on-error)`,
      );
    }
    if (seen.has(element.name)) fail(element.name, `section <${element.name}> appears twice`);
    seen.add(element.name);
    composed[element.name as Section] = compileSection(element, element.name as Section, input);
  }
  return composed;
}

function compileSection(
  element: XmlElement,
  section: Section,
  input: PolicyDocumentInput,
): PolicyNode[] {
  const cc = new CompileContext({
    file: input.file,
    scope: input.scope,
    section,
    path: section,
    services: input.services,
    compileNodes,
  });
  if (Object.keys(element.attributes).length > 0)
    cc.fail(`<${section}> takes no attributes`, element.line);
  if (element.text.trim() !== '') cc.fail(`unexpected text inside <${section}>`, element.line);
  const segments = segmentNames(element.children);
  const nodes: PolicyNode[] = [];
  let bases = 0;
  element.children.forEach((child, i) => {
    if (child.name !== 'base') {
      nodes.push(compileElement(child, segments[i] as string, cc));
      return;
    }
    bases++;
    if (bases > 1) cc.fail('<base/> may appear only once per section', child.line);
    if (
      Object.keys(child.attributes).length > 0 ||
      child.children.length > 0 ||
      child.text.trim() !== ''
    ) {
      cc.fail('<base/> takes no attributes or content', child.line);
    }
    // <base/> at global scope does nothing.
    if (input.scope !== 'global') nodes.push(...input.parent[section]);
  });
  return nodes;
}

/** `{{name}}` is replaced before evaluation, in attributes and text alike; unknown names fail the load. */
function substituteTree(element: XmlElement, here: string, input: PolicyDocumentInput): void {
  const substitute = (text: string, what: string): string => {
    const result = substituteNamedValues(text, input.namedValues);
    if (result.unknown.length > 0) {
      throw new GatewayLoadError(
        input.file,
        `${here}, line ${element.line}`,
        `${what} references unknown named value ${result.unknown.map((n) => `{{${n}}}`).join(', ')}`,
      );
    }
    return result.text;
  };
  for (const [name, value] of Object.entries(element.attributes)) {
    element.attributes[name] = substitute(value, `attribute "${name}"`);
  }
  element.text = substitute(element.text, 'text');
  const segments = segmentNames(element.children, ['when']);
  element.children.forEach((child, i) => {
    const segment = segments[i] as string;
    substituteTree(child, here ? `${here}/${segment}` : segment, input);
  });
}

// The reference pages allow these at most once per policy document.
const ONCE_PER_DOCUMENT = ['rate-limit', 'cache-lookup', 'cache-store', 'quota-by-key'];

function checkOncePerDocument(root: XmlElement, file: string): void {
  const seen = new Map<string, XmlElement>();
  const visit = (element: XmlElement): void => {
    if (ONCE_PER_DOCUMENT.includes(element.name)) {
      const first = seen.get(element.name);
      if (first) {
        throw new GatewayLoadError(
          file,
          `line ${element.line}`,
          `<${element.name}> may appear only once per policy document (first at line ${first.line})`,
        );
      }
      seen.set(element.name, element);
    }
    element.children.forEach(visit);
  };
  visit(root);
}
