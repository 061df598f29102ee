import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';

import { workspaceRoot } from '../workspace-root.js';
import { iacText } from './iac-text.js';

// libs/logging keeps one AsyncLocalStorage scope per invocation; on Node 22 this flag runs it on
// V8's continuation-preserved data instead of promise hooks (the default from Node 24). Azure
// passes it to the worker through languageWorkers__node__arguments; the local host reads the
// same setting from local.settings.json (tools/functions-host/src/cli/node-arguments.ts).
const NODE_ARGUMENTS = '--experimental-async-context-frame';
const SCOPE_LIBRARIES = ['@cookbook/http-kit', '@cookbook/logging'];

const recipesWithScope = globSync('apps/*/package.json', { cwd: workspaceRoot })
  .map((file) => file.split('/')[1] ?? '')
  .filter((name) => existsSync(join(workspaceRoot, 'apps', name, 'infra')))
  .filter((name) => {
    const manifest = JSON.parse(
      readFileSync(join(workspaceRoot, 'apps', name, 'package.json'), 'utf8'),
    ) as { dependencies?: Record<string, string> };
    return SCOPE_LIBRARIES.some((library) => manifest.dependencies?.[library] !== undefined);
  })
  .sort();

const read = (name: string, file: string): string =>
  readFileSync(join(workspaceRoot, 'apps', name, file), 'utf8');

describe(`recipes on http-kit or logging start Node with ${NODE_ARGUMENTS}, on Azure and locally`, () => {
  it('finds such recipes (the checks below are not vacuous)', () => {
    expect(recipesWithScope.length).toBeGreaterThan(0);
  });

  describe.each(recipesWithScope)('%s', (name) => {
    it('sets nodeArguments on the function-app module (Bicep)', () => {
      const code = iacText(read(name, 'infra/main.bicep'), 'bicep').uncommented;
      expect(code).toContain(`nodeArguments: '${NODE_ARGUMENTS}'`);
    });

    it('sets node_arguments on the function-app module (Terraform)', () => {
      const code = iacText(read(name, 'infra/main.tf'), 'terraform').uncommented;
      expect(code).toMatch(new RegExp(`node_arguments\\s+= "${NODE_ARGUMENTS}"`));
    });

    it('sets languageWorkers__node__arguments in local.settings.example.json', () => {
      const settings = JSON.parse(read(name, 'local.settings.example.json')) as {
        Values?: Record<string, string>;
      };
      expect(settings.Values?.['languageWorkers__node__arguments']).toBe(NODE_ARGUMENTS);
    });
  });
});
