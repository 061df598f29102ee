import { GatewayLoadError } from './load-error.js';
import { rawxmlToXml } from './rawxml-to-xml.js';
import { readXml } from './read-xml.js';
import type { XmlElement } from './xml-element.js';
import { XmlSyntaxError } from './xml-syntax-error.js';

/** APIM's two inline policy formats: `xml` is a real XML document, `rawxml` leaves expressions unescaped. */
export type PolicyFormat = 'xml' | 'rawxml';

export const POLICY_FORMATS: readonly PolicyFormat[] = ['xml', 'rawxml'];

/** Parses a policy document in the format it is deployed with; errors name file, element path, line. */
export function parseXml(source: string, file: string, format: PolicyFormat = 'xml'): XmlElement {
  try {
    return readXml(format === 'rawxml' ? rawxmlToXml(source) : source);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    const where = `${error.path ? `${error.path}, ` : ''}line ${error.line}, column ${error.column}`;
    const hint = format === 'xml' && readsAsRawxml(source) ? RAWXML_HINT : '';
    throw new GatewayLoadError(file, where, `malformed XML: ${error.message}${hint}`);
  }
}

const RAWXML_HINT =
  '\n  This file reads as APIM "rawxml" (raw quotes, < or & inside @(...) / @{...} expressions, as the' +
  ' portal and APIOps export it). Declare "format": "rawxml" for it in local-gateway.json and deploy it' +
  ' with format \'rawxml\', or escape the expressions (single-quoted attributes, &quot; &lt; &amp;) to keep "xml".';

function readsAsRawxml(source: string): boolean {
  const converted = rawxmlToXml(source);
  if (converted === source) return false;
  try {
    readXml(converted);
    return true;
  } catch {
    return false;
  }
}
