import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { findPackageCopies } from './find-package-copies.js';

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));

describe('single @azure/functions copy guard', () => {
  it('exactly one copy of @azure/functions is installed (the library relies on instanceof HttpResponse)', () => {
    const copies = findPackageCopies(workspaceRoot, '@azure/functions');
    expect(copies.map((copy) => copy.path)).toHaveLength(1);
    expect(copies[0]?.version).toBe('4.16.5');
  });

  it('finds nested copies too', () => {
    const copies = findPackageCopies(workspaceRoot, 'semver');
    expect(copies.length).toBeGreaterThan(1);
  });
});
