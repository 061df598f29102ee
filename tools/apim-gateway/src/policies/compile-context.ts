import { ExpressionSyntaxError } from '../expressions/expression-error.js';
import { compilePolicyValue, type PolicyValue } from '../expressions/policy-value.js';
import type { Section } from '../pipeline/section.js';
import { GatewayLoadError } from '../xml/load-error.js';
import type { XmlElement } from '../xml/xml-element.js';
import type { GatewayServices } from './gateway-services.js';
import type { PolicyNode, PolicyScopeName } from './policy-node.js';

export type CompileNodes = (elements: readonly XmlElement[], cc: CompileContext) => PolicyNode[];

/** Where a policy sits while it is compiled; every load error it raises names file + path. */
export class CompileContext {
  readonly file: string;
  readonly scope: PolicyScopeName;
  readonly section: Section;
  readonly path: string;
  readonly services: GatewayServices;
  /** Inside return-response: set-header/set-body/set-status shape the response in any section. */
  readonly responseMode: boolean;
  private readonly compileNodes: CompileNodes;

  constructor(init: {
    file: string;
    scope: PolicyScopeName;
    section: Section;
    path: string;
    services: GatewayServices;
    compileNodes: CompileNodes;
    responseMode?: boolean;
  }) {
    this.responseMode = init.responseMode ?? false;
    this.file = init.file;
    this.scope = init.scope;
    this.section = init.section;
    this.path = init.path;
    this.services = init.services;
    this.compileNodes = init.compileNodes;
  }

  at(segment: string): CompileContext {
    return this.with({ path: `${this.path}/${segment}` });
  }

  inResponseMode(): CompileContext {
    return this.with({ responseMode: true });
  }

  /** True when header/body policies act on the response rather than the request. */
  get targetsResponse(): boolean {
    return this.responseMode || this.section === 'outbound' || this.section === 'on-error';
  }

  private with(changes: { path?: string; responseMode?: boolean }): CompileContext {
    return new CompileContext({
      file: this.file,
      scope: this.scope,
      section: this.section,
      path: changes.path ?? this.path,
      services: this.services,
      compileNodes: this.compileNodes,
      responseMode: changes.responseMode ?? this.responseMode,
    });
  }

  fail(message: string, line?: number): never {
    const where = line === undefined ? this.path : `${this.path}, line ${line}`;
    throw new GatewayLoadError(this.file, where, message);
  }

  /** Compiles a literal-or-expression value; unsupported expressions are load errors with the token. */
  value(raw: string, what: string, line?: number): PolicyValue {
    try {
      return compilePolicyValue(raw);
    } catch (error) {
      if (error instanceof ExpressionSyntaxError) {
        this.fail(`${what}: unsupported policy expression: ${error.message}`, line);
      }
      throw error;
    }
  }

  /** Compiles nested policies (choose branches) in the same section. */
  children(elements: readonly XmlElement[]): PolicyNode[] {
    return this.compileNodes(elements, this);
  }
}

/** Path segments like APIM's LastError.Path: `when[2]` when siblings share a name. */
export function segmentNames(
  elements: readonly XmlElement[],
  alwaysIndex: readonly string[] = [],
): string[] {
  const totals = new Map<string, number>();
  for (const element of elements) totals.set(element.name, (totals.get(element.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return elements.map((element) => {
    const index = (seen.get(element.name) ?? 0) + 1;
    seen.set(element.name, index);
    const indexed = (totals.get(element.name) ?? 0) > 1 || alwaysIndex.includes(element.name);
    return indexed ? `${element.name}[${index}]` : element.name;
  });
}
