/**
 * The recipes named in E2E_RECIPES (comma-separated), or undefined for all of them: the stack
 * starts only those and only their specs run. A name the registry does not know is an error.
 */
export function selectedRecipes(
  known: readonly string[],
  value: string | undefined = process.env['E2E_RECIPES'],
): string[] | undefined {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) return undefined;
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `E2E_RECIPES names ${unknown.join(', ')}, not in the registry (${known.join(', ')})`,
    );
  }
  return names;
}

/** Spec files of the selected recipes: `<recipe>.spec.ts` and `<recipe>.local.spec.ts`. */
export function specPatterns(names: readonly string[]): string[] {
  return names.map((name) => `**/${name}.?(local.)spec.ts`);
}
