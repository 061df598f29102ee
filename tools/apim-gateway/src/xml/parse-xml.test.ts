import { describe, expect, it } from 'vitest';

import { GatewayLoadError } from './load-error.js';
import { parseXml } from './parse-xml.js';

function loadError(source: string, format: 'xml' | 'rawxml' = 'xml'): GatewayLoadError {
  try {
    parseXml(source, 'api-policy.xml', format);
  } catch (error) {
    if (error instanceof GatewayLoadError) return error;
    throw error;
  }
  throw new Error('expected a load error');
}

const doc = (inbound: string): string =>
  `<policies>\n  <inbound>\n    ${inbound}\n  </inbound>\n</policies>`;

describe('parseXml, format "xml" (a real XML document, as a format: xml deployment requires)', () => {
  it('decodes entities so expressions can be written as well-formed XML', () => {
    const root = parseXml(
      `<policies>\n  <inbound>\n    <set-header name='x'><value>@(1 &lt; 2 &amp;&amp; &quot;a&quot; == "a")</value></set-header>\n  </inbound>\n</policies>`,
      'p.xml',
    );
    const header = root.children[0]?.children[0];
    expect(header?.name).toBe('set-header');
    expect(header?.attributes).toEqual({ name: 'x' });
    expect(header?.children[0]?.text).toBe('@(1 < 2 && "a" == "a")');
    expect(header?.line).toBe(3);
  });

  it('keeps CDATA text, decodes character references and ignores comments', () => {
    const root = parseXml('<set-body><!-- c --><![CDATA[a < b]]> &#65;&#x42;</set-body>', 'p.xml');
    expect(root.text).toBe('a < b AB');
    expect(root.children).toEqual([]);
  });

  it.each([
    [
      '<',
      `<set-variable name="v" value='@("a<b")' />`,
      /'<' is not allowed in the value of attribute "value"/,
    ],
    ['&', `<set-variable name="v" value='@("a&b")' />`, /'&' must start a reference/],
    ['an undefined entity', `<set-variable name="v" value="&nbsp;" />`, /undefined entity &nbsp;/],
    ['a raw quote', `<set-variable name="v" value="@("a")" />`, /expected whitespace/],
    [
      'a duplicate attribute',
      `<set-variable name="v" name="w" value="1" />`,
      /attribute "name" appears twice/,
    ],
    ['a bare & in text', `<set-body>a & b</set-body>`, /'&' must start a reference/],
    ["']]>' in text", `<set-body>a ]]> b</set-body>`, /']]>' is not allowed in text/],
    ['a control character', `<set-body>a \u0001 b</set-body>`, /U\+0001 is not allowed in XML/],
    ["'--' in a comment", `<!-- a -- b -->`, /'--' is not allowed inside a comment/],
  ])('rejects %s, naming file, policy path, line and column', (_what, inbound, message) => {
    const error = loadError(doc(inbound));
    expect(error.message).toMatch(
      /^api-policy\.xml \(inbound(\/[\w-]+)?, line 3, column \d+\): malformed XML: /,
    );
    expect(error.message).toMatch(message);
  });

  it('rejects a DOCTYPE, text after the root and mismatched end tags', () => {
    expect(loadError('<!DOCTYPE p [<!ENTITY e "x">]><policies/>').message).toMatch(/DOCTYPE/);
    expect(loadError('<policies/>x').message).toMatch(/content after the root element/);
    expect(loadError('<policies>\n<inbound>\n</policies>').message).toMatch(
      /^api-policy\.xml \(inbound, line 3, column 1\): malformed XML: <\/policies> does not close <inbound> \(opened on line 2\)/,
    );
    expect(loadError('<a/><b/>').message).toMatch(/content after the root element/);
  });

  it('names the branch for an error deep in a choose', () => {
    const error = loadError(
      '<policies>\n<inbound>\n<choose>\n<when condition="true"/>\n<when condition="@(1 < 2)"/>\n</choose>\n</inbound>\n</policies>',
    );
    expect(error.message).toMatch(/\(inbound\/choose\/when\[2\], line 5, column \d+\)/);
  });

  it('says which format to declare when the file reads as rawxml', () => {
    const error = loadError(
      doc(`<set-variable name="m" value="@(context.Request.Method == "POST")" />`),
    );
    expect(error.message).toMatch(/reads as APIM "rawxml"/);
    expect(error.message).toMatch(/"format": "rawxml"/);
    expect(loadError(doc('<set-body>a & b</set-body>')).message).not.toMatch(/rawxml/);
  });

  it('survives deeply nested input without a stack overflow', () => {
    const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    expect(parseXml(deep, 'p.xml').name).toBe('a');
  });
});

describe('parseXml, format "rawxml" (portal, APIOps and policy toolkit exports)', () => {
  it('reads unescaped quotes, < , > and & inside @(...) attribute values', () => {
    const root = parseXml(
      doc(
        `<set-variable name="m" value="@(context.Request.Method == "POST" && 1 < 2 ? "a>b" : "c")" />`,
      ),
      'p.xml',
      'rawxml',
    );
    expect(root.children[0]?.children[0]?.attributes['value']).toBe(
      '@(context.Request.Method == "POST" && 1 < 2 ? "a>b" : "c")',
    );
  });

  it('reads @{...} blocks and expression element text with generics, char literals and nested quotes', () => {
    const root = parseXml(
      doc(
        `<set-body>@{ var s = "}"; return s.Split(',')[0] + context.Request.Body.As<JObject>().ToString(); }</set-body>\n    <set-header name="x"><value>@(context.Request.Headers.GetValueOrDefault("a", "<none>"))</value></set-header>`,
      ),
      'p.xml',
      'rawxml',
    );
    const [body, header] = root.children[0]?.children ?? [];
    expect(body?.text).toBe(
      `@{ var s = "}"; return s.Split(',')[0] + context.Request.Body.As<JObject>().ToString(); }`,
    );
    expect(header?.children[0]?.text).toBe(
      '@(context.Request.Headers.GetValueOrDefault("a", "<none>"))',
    );
  });

  it('takes expression text literally and keeps line numbers of the file as written', () => {
    const root = parseXml(
      `<policies>\n<inbound>\n<set-variable name="v" value='@("&amp;")' />\n<set-body>a &amp; b</set-body>\n</inbound>\n</policies>`,
      'p.xml',
      'rawxml',
    );
    const [variable, body] = root.children[0]?.children ?? [];
    expect(variable?.attributes['value']).toBe('@("&amp;")');
    expect(variable?.line).toBe(3);
    expect(body?.text).toBe('a & b');
  });

  it('still rejects what is malformed outside expressions', () => {
    expect(loadError(doc('<set-body>a < b</set-body>'), 'rawxml').message).toMatch(
      /inbound\/set-body, line 3, .*'<' must start a tag/,
    );
  });
});
