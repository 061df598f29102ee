import type { PolicyValue } from '../expressions/policy-value.js';
import type { XmlElement } from '../xml/xml-element.js';
import {
  asString,
  checkAttributes,
  checkChildren,
  enumAttribute,
  stringAttribute,
  textValue,
} from './attributes.js';
import type { CompileContext } from './compile-context.js';

export type ExistsAction = 'override' | 'skip' | 'append' | 'delete';

export interface NamedValuePolicy {
  action: ExistsAction;
  name: PolicyValue;
  values: PolicyValue[];
}

/** The shared shape of set-header and set-query-parameter: name, exists-action, <value>s. */
export function compileNamedValuePolicy(element: XmlElement, cc: CompileContext): NamedValuePolicy {
  checkAttributes(element, cc, ['name', 'exists-action'], ['name']);
  checkChildren(element, cc, ['value']);
  const action = enumAttribute<ExistsAction>(
    element,
    cc,
    'exists-action',
    ['override', 'skip', 'append', 'delete'],
    'override',
  );
  const name = stringAttribute(element, cc, 'name') as PolicyValue;
  const values = element.children.map((child, i) => textValue(child, cc.at(`value[${i + 1}]`)));
  if (action !== 'delete' && values.length === 0) {
    cc.fail(`<${element.name} exists-action="${action}"> needs at least one <value>`, element.line);
  }
  return { action, name, values };
}

/** Evaluates the <value>s, dropping null results as APIM does. */
export function evaluateValues(
  values: PolicyValue[],
  scope: Parameters<PolicyValue['evaluate']>[0],
): string[] {
  return values
    .map((value) => value.evaluate(scope))
    .filter((value) => value !== null && value !== undefined)
    .map((value) => asString(value));
}
