import { type CommandSubstitution, shellWords } from './shell-words.js';

/** The part of a curl invocation a recipe page shows: one request, and how curl prints the answer. */
export interface CurlCommand {
  method: string;
  url: string;
  headers: [string, string][];
  body: string | undefined;
  /** `-i`: status line and headers before the body. */
  includeHeaders: boolean;
  /** `-o /dev/null`: the body is not printed. */
  discardBody: boolean;
  /** `-w FORMAT`: printed after the body (`%{http_code}`, `\\n`). */
  writeOut: string | undefined;
}

const FLAGS_WITHOUT_VALUE = new Set([
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-N',
  '--no-buffer',
  '-f',
  '--fail',
]);

/** Parses a `curl …` command line as written on a recipe page; throws on options it does not know. */
export function parseCurl(
  line: string,
  vars: Record<string, string> = {},
  substitute?: CommandSubstitution,
): CurlCommand {
  const words = shellWords(line, vars, substitute);
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${line}`);
  const command: CurlCommand = {
    method: '',
    url: '',
    headers: [],
    body: undefined,
    includeHeaders: false,
    discardBody: false,
    writeOut: undefined,
  };
  for (let at = 1; at < words.length; at += 1) {
    const word = words[at] ?? '';
    const value = (): string => {
      const next = words[(at += 1)];
      if (next === undefined) throw new Error(`${word} needs a value in: ${line}`);
      return next;
    };
    if (FLAGS_WITHOUT_VALUE.has(word)) continue;
    if (/^-[sSNif]+$/.test(word) && word.length > 2) {
      // combined short flags such as -si
      if (word.includes('i')) command.includeHeaders = true;
      continue;
    }
    if (word === '-i' || word === '--include') command.includeHeaders = true;
    else if (word === '-X' || word === '--request') command.method = value();
    else if (word === '-H' || word === '--header') {
      const header = value();
      const colon = header.indexOf(':');
      if (colon < 1) throw new Error(`bad header "${header}" in: ${line}`);
      command.headers.push([header.slice(0, colon).trim(), header.slice(colon + 1).trim()]);
    } else if (
      word === '-d' ||
      word === '--data' ||
      word === '--data-raw' ||
      word === '--data-binary'
    )
      command.body = value();
    else if (word === '-w' || word === '--write-out') command.writeOut = value();
    else if (word === '-o' || word === '--output') {
      if (value() !== '/dev/null') throw new Error(`only -o /dev/null is supported in: ${line}`);
      command.discardBody = true;
    } else if (word.startsWith('-'))
      throw new Error(`curl option ${word} is not supported in: ${line}`);
    else command.url = /^https?:\/\//.test(word) ? word : `http://${word}`;
  }
  if (!command.url) throw new Error(`no URL in: ${line}`);
  command.method ||= command.body === undefined ? 'GET' : 'POST';
  if (command.body !== undefined && !command.headers.some(([name]) => /^content-type$/i.test(name)))
    command.headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  return command;
}
