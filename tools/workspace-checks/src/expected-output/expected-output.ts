import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { readRecipes, startRecipeStack } from '@cookbook/recipes';

import { capturePage } from './capture-page.js';
import { findPageCommands } from './page-exchanges.js';
import { normaliseOutput } from './render-response.js';

/** A command whose output on the page differs from a fresh run (ids and timestamps aside). */
export interface OutputMismatch {
  command: string;
  line: number;
  page: string[];
  fresh: string[];
}

/** Runs every curl exchange of `<recipeDir>/README.md` against the built recipe and compares. */
export async function compareExpectedOutput(
  recipeDir: string,
): Promise<{ page: string; fresh: string[][]; mismatches: OutputMismatch[]; exchanges: number }> {
  const page = readFileSync(join(recipeDir, 'README.md'), 'utf8');
  const commands = findPageCommands(page);
  if (commands.length === 0) return { page, fresh: [], mismatches: [], exchanges: 0 };
  const recipe = readRecipes().find((candidate) => candidate.dir === recipeDir);
  if (!recipe) throw new Error(`${recipeDir} is not a recipe of the registry`);
  const stack = await startRecipeStack(recipe);
  try {
    const fresh = await capturePage(recipeDir, commands, stack);
    const mismatches = commands.flatMap((command, index) => {
      const now = fresh[index] ?? [];
      const same = normaliseOutput(command.output).join('\n') === normaliseOutput(now).join('\n');
      return same
        ? []
        : [{ command: command.command, line: command.start + 1, page: command.output, fresh: now }];
    });
    const exchanges = commands.filter((command) => /^(curl|for) /.test(command.command)).length;
    return { page, fresh, mismatches, exchanges };
  } finally {
    await stack.close();
  }
}

/** Rewrites the README's commands whose output a fresh run changed; returns how many. */
export async function writeExpectedOutput(recipeDir: string): Promise<number> {
  const { page, fresh, mismatches } = await compareExpectedOutput(recipeDir);
  const lines = page.split('\n');
  const commands = findPageCommands(page);
  const changed = new Set(mismatches.map((mismatch) => mismatch.line - 1));
  for (let index = commands.length - 1; index >= 0; index -= 1) {
    const command = commands[index];
    // outputs that differ only in ids and timestamps stay as they are, so page diffs stay small
    if (!command || !changed.has(command.start)) continue;
    lines.splice(
      command.start,
      command.end - command.start,
      `$ ${command.command}`,
      ...(fresh[index] ?? []),
    );
  }
  writeFileSync(join(recipeDir, 'README.md'), lines.join('\n'));
  return mismatches.length;
}
