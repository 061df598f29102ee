import type { CompileContext } from '../policies/compile-context.js';
import { segmentNames } from '../policies/compile-context.js';
import type { PolicyNode } from '../policies/policy-node.js';
import { POLICIES } from '../policies/registry.js';
import type { XmlElement } from '../xml/xml-element.js';

export function compileElement(
  element: XmlElement,
  segment: string,
  parent: CompileContext,
): PolicyNode {
  const cc: CompileContext = parent.at(segment);
  if (element.name === 'base')
    cc.fail('<base/> is only allowed directly inside a section', element.line);
  const definition = POLICIES[element.name];
  if (!definition) cc.fail(`unknown or unsupported policy <${element.name}>`, element.line);
  if (!parent.responseMode && !definition.sections.includes(parent.section)) {
    cc.fail(
      `<${element.name}> is not allowed in <${parent.section}> (allowed: ${definition.sections.join(', ')})`,
      element.line,
    );
  }
  const behavior = definition.compile(element, cc);
  return {
    ...behavior,
    name: element.name,
    path: cc.path,
    policyId: element.attributes['id'] ?? '',
    scope: cc.scope,
    section: cc.section,
    file: cc.file,
    line: element.line,
  };
}

/** Nested policy lists (choose branches, return-response children). */
export function compileNodes(elements: readonly XmlElement[], cc: CompileContext): PolicyNode[] {
  const segments = segmentNames(elements);
  return elements.map((element, i) => compileElement(element, segments[i] as string, cc));
}
