import type { Section } from '../pipeline/section.js';
import type { XmlElement } from '../xml/xml-element.js';
import type { CompileContext } from './compile-context.js';
import type { PolicyBehavior } from './policy-node.js';

/** One policy element: where it may appear and how it compiles. */
export interface PolicyDefinition {
  /** Sections the policy reference page allows; anything else is rejected at load. */
  readonly sections: readonly Section[];
  compile(element: XmlElement, cc: CompileContext): PolicyBehavior;
}
