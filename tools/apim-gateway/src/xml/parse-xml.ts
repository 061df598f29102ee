import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { GatewayLoadError } from './load-error.js';
import type { XmlElement } from './xml-element.js';

const TEXT = '#text';
const CDATA = '#cdata';
const COMMENT = '#comment';
const ATTRIBUTES = ':@';

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  commentPropName: COMMENT,
  cdataPropName: CDATA,
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
});

const metaSymbol = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** Strict XML parsing: malformed input is a load error naming the file and line. */
export function parseXml(source: string, file: string): XmlElement {
  const validation = XMLValidator.validate(source, { allowBooleanAttributes: false });
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    throw new GatewayLoadError(file, `line ${line}, column ${col}`, `malformed XML: ${msg}`);
  }
  const lineStarts = computeLineStarts(source);
  const nodes = parser.parse(source) as OrderedNode[];
  const roots = nodes
    .map((node) => toElement(node, lineStarts))
    .filter((e): e is XmlElement => e !== undefined);
  const [root, ...rest] = roots;
  if (!root || rest.length > 0) {
    throw new GatewayLoadError(file, undefined, 'expected exactly one root element');
  }
  return root;
}

function toElement(node: OrderedNode, lineStarts: number[]): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ATTRIBUTES);
  if (!name || name === TEXT || name === CDATA || name === COMMENT) return undefined;
  const attributes = { ...((node[ATTRIBUTES] as Record<string, string> | undefined) ?? {}) };
  const content = (node[name] as OrderedNode[] | undefined) ?? [];
  const children: XmlElement[] = [];
  let text = '';
  for (const child of content) {
    if (TEXT in child) text += String(child[TEXT]);
    else if (CDATA in child) text += cdataText(child[CDATA]);
    else {
      const element = toElement(child, lineStarts);
      if (element) children.push(element);
    }
  }
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[metaSymbol];
  return { name, attributes, children, text, line: lineOf(meta?.startIndex ?? 0, lineStarts) };
}

function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value.map((part: OrderedNode) => String(part[TEXT] ?? '')).join('');
}

function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(index: number, lineStarts: number[]): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= index) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
