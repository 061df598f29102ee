import { execFileSync } from 'node:child_process';

import type { RecipeStack } from '@cookbook/recipes';

import { parseCurl } from './curl-command.js';
import type { PageCommand } from './page-exchanges.js';
import { DEFAULT_SHOWN_HEADERS, renderResponse, shownHeaderNames } from './render-response.js';

const ASSIGNMENT = /^(\w+)=(.*)$/;
const REPEAT = /^for \w+ in \$\(seq 1 (\d+)\); do (curl .*); done$/;

/** Runs a page's commands in order against the stack and returns what each prints now. */
export async function capturePage(
  recipeDir: string,
  commands: readonly PageCommand[],
  stack: RecipeStack,
): Promise<string[][]> {
  const vars: Record<string, string> = {};
  // a printed command must work as printed: run it with bash, from the recipe folder
  const shell = (script: string): string =>
    execFileSync('bash', ['-c', script], { cwd: recipeDir, encoding: 'utf8' });
  const outputs: string[][] = [];
  for (const { command, output } of commands) {
    const assignment = ASSIGNMENT.exec(command);
    const repeat = REPEAT.exec(command);
    if (command.startsWith('cd ')) {
      outputs.push([]);
    } else if (assignment) {
      const [, name = '', value = ''] = assignment;
      const substitution = /^\$\((.*)\)$/.exec(value);
      // a printed command must work as printed: run it, from the recipe folder
      const script = substitution?.[1] ?? '';
      // VAR=$(curl …) calls the running stack, as the page's localhost URL means
      vars[name] = !substitution
        ? unquote(value)
        : /^curl [^|;&]*$/.test(script)
          ? (await runCurl(script, vars, shell, stack, [])).join('\n').trim()
          : execFileSync('bash', ['-c', script], { cwd: recipeDir, encoding: 'utf8' }).trim();
      outputs.push([]);
    } else if (repeat) {
      for (let round = 0; round < Number(repeat[1]); round += 1)
        await runCurl(repeat[2] ?? '', vars, shell, stack, []);
      outputs.push([]);
    } else if (command.startsWith('curl ')) {
      outputs.push(await runCurl(command, vars, shell, stack, output));
    } else {
      throw new Error(
        `a captured block may hold only curl, for-loops, cd and VAR=… lines: "${command}"`,
      );
    }
  }
  return outputs;
}

function unquote(value: string): string {
  return /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value;
}

async function runCurl(
  line: string,
  vars: Record<string, string>,
  shell: (script: string) => string,
  stack: RecipeStack,
  pageOutput: readonly string[],
): Promise<string[]> {
  const curl = parseCurl(line, vars, shell);
  const headers = new Headers({ 'user-agent': 'curl/8.14.1', accept: '*/*' });
  for (const [name, value] of curl.headers) headers.append(name, value);
  const response = await fetch(stack.resolveUrl(curl.url), {
    method: curl.method,
    headers,
    body: curl.body,
    redirect: 'manual',
  });
  const body = await response.text();
  const shown = pageOutput.length > 0 ? shownHeaderNames(pageOutput) : DEFAULT_SHOWN_HEADERS;
  return renderResponse(
    curl,
    { status: response.status, statusText: response.statusText, headers: response.headers, body },
    shown,
  );
}
