import { describe, expect, it } from 'vitest';

import { parseXml } from './parse-xml.js';

describe('parseXml', () => {
  it('decodes entities so expressions can be written as well-formed XML (format: xml)', () => {
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

  it('keeps CDATA text and ignores comments', () => {
    const root = parseXml('<set-body><!-- c --><![CDATA[a < b]]></set-body>', 'p.xml');
    expect(root.text).toBe('a < b');
    expect(root.children).toEqual([]);
  });

  it('rejects malformed XML with file and line (Azure rejects it on deploy with format: xml)', () => {
    expect(() => parseXml('<policies>\n<inbound>\n</policies>', 'api-policy.xml')).toThrow(
      /^api-policy\.xml \(line 3, column \d+\): malformed XML: /,
    );
  });

  it('rejects raw quotes inside a double-quoted attribute (rawxml is not accepted)', () => {
    expect(() =>
      parseXml('<when condition="@(context.Request.Method == "GET")" />', 'p.xml'),
    ).toThrow(/malformed XML/);
  });

  it('rejects more than one root element', () => {
    expect(() => parseXml('<a/><b/>', 'p.xml')).toThrow(/malformed XML|exactly one root/);
  });
});
