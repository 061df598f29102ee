import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const apps = join(import.meta.dirname, '../../../../apps');

interface Target {
  executor?: string;
  continuous?: boolean;
  dependsOn?: (string | { target?: string })[];
}

function recipeTargets(): [string, Record<string, Target>][] {
  return readdirSync(apps, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      try {
        const json = JSON.parse(readFileSync(join(apps, entry.name, 'package.json'), 'utf8')) as {
          nx?: { targets?: Record<string, Target> };
        };
        return json.nx?.targets
          ? [[entry.name, json.nx.targets] as [string, Record<string, Target>]]
          : [];
      } catch {
        return [];
      }
    });
}

describe("recipes' serve targets let Nx report a failed serve", () => {
  it('a serve target is continuous only when another target depends on it (Nx 23 reports any exit of a continuous task nothing needs as success)', () => {
    const offenders: string[] = [];
    for (const [app, targets] of recipeTargets()) {
      for (const [name, target] of Object.entries(targets)) {
        if (target.executor !== '@cookbook/functions-host:serve' || !target.continuous) continue;
        const needed = Object.values(targets).some((other) =>
          (other.dependsOn ?? []).some(
            (dep) => (typeof dep === 'string' ? dep : dep.target) === name,
          ),
        );
        if (!needed) offenders.push(`${app}:${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
