import { runNodes } from '../pipeline/run-nodes.js';
import { ALL_SECTIONS } from '../pipeline/section.js';
import type { Evaluator } from './attributes.js';
import { checkAttributes, checkChildren, conditionAttribute } from './attributes.js';
import { segmentNames } from './compile-context.js';
import type { PolicyDefinition } from './policy-definition.js';
import type { PolicyNode } from './policy-node.js';

interface Branch {
  condition: Evaluator<boolean>;
  nodes: PolicyNode[];
}

export const choose: PolicyDefinition = {
  sections: ALL_SECTIONS,
  compile(element, cc) {
    checkAttributes(element, cc, []);
    checkChildren(element, cc, ['when', 'otherwise']);
    const segments = segmentNames(element.children, ['when']);
    const branches: Branch[] = [];
    let otherwise: PolicyNode[] | undefined;
    element.children.forEach((child, i) => {
      const branchCc = cc.at(segments[i] as string);
      if (child.name === 'when') {
        if (otherwise) branchCc.fail('<when> must come before <otherwise>', child.line);
        checkAttributes(child, branchCc, ['condition'], ['condition']);
        const condition = conditionAttribute(child, branchCc, 'condition') as Evaluator<boolean>;
        branches.push({ condition, nodes: branchCc.children(child.children) });
      } else {
        if (otherwise) branchCc.fail('only one <otherwise> is allowed', child.line);
        checkAttributes(child, branchCc, []);
        otherwise = branchCc.children(child.children);
      }
    });
    if (branches.length === 0) cc.fail('<choose> needs at least one <when>', element.line);
    const all = [...branches.flatMap((b) => b.nodes), ...(otherwise ?? [])];
    return {
      children: all,
      // not async: a branch of synchronous policies runs without a promise
      execute(ctx) {
        for (const branch of branches) {
          if (branch.condition(ctx.scope)) return runNodes(branch.nodes, ctx);
        }
        return otherwise ? runNodes(otherwise, ctx) : undefined;
      },
    };
  },
};
