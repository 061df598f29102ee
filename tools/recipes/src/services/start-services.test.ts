import { describe, expect, it } from 'vitest';

import type { Recipe } from '../read-recipes.js';
import { RecipeMetadataSchema } from '../recipe-metadata.js';
import type { LocalService } from './local-service.js';
import { LOCAL_SERVICES } from './registry.js';
import { startServices } from './start-services.js';

const recipe = (services: string[], env: Record<string, string> = {}): Recipe => ({
  name: 'r',
  dir: '/tmp/r',
  path: 'apps/r',
  metadata: RecipeMetadataSchema.parse({
    title: 'R',
    summary: 's',
    trigger: 'HTTP',
    guarantee: 'g',
    complexity: 'beginner',
    tags: ['t'],
    local: { readyPath: '/api/r', env, services },
  }),
});

function fakeService(name: string, events: string[], fail = false): LocalService {
  return {
    description: name,
    async start() {
      if (fail) throw new Error(`${name} failed`);
      events.push(`start ${name}`);
      return {
        env: { [`${name.toUpperCase()}_URL`]: `http://127.0.0.1/${name}` },
        close: async () => void events.push(`close ${name}`),
      };
    },
  };
}

describe('startServices', () => {
  it('starts services in order and merges their settings over the metadata env', async () => {
    const events: string[] = [];
    const registry = { a: fakeService('a', events), b: fakeService('b', events) };
    const running = await startServices(
      recipe(['a', 'b'], { LOG_LEVEL: 'debug', A_URL: 'overridden' }),
      registry,
    );
    expect(running.env).toEqual({
      LOG_LEVEL: 'debug',
      A_URL: 'http://127.0.0.1/a',
      B_URL: 'http://127.0.0.1/b',
    });
    await running.close();
    expect(events).toEqual(['start a', 'start b', 'close b', 'close a']);
  });

  it('closes what it started when a later service fails, and names an unknown service', async () => {
    const events: string[] = [];
    const registry = { a: fakeService('a', events), broken: fakeService('broken', events, true) };
    await expect(startServices(recipe(['a', 'broken']), registry)).rejects.toThrow('broken failed');
    expect(events).toEqual(['start a', 'close a']);
    await expect(startServices(recipe(['nope']), registry)).rejects.toThrow(
      'unknown local service "nope"',
    );
  });

  it('every service a recipe names exists in the registry', async () => {
    const { readRecipes } = await import('../read-recipes.js');
    for (const { name, metadata } of readRecipes()) {
      for (const service of metadata.local.services)
        expect({ name, service, known: service in LOCAL_SERVICES }).toMatchObject({ known: true });
    }
  });
});
