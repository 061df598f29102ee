/** One `$ command` on a recipe page and the output printed under it. */
export interface PageCommand {
  /** The command after `$ `. */
  command: string;
  /** Output lines as the page shows them (trailing blank lines dropped). */
  output: string[];
  /** 0-based line of the `$ ` line and one past its last output line, in the whole page. */
  start: number;
  end: number;
}

const FENCE = /^(`{3,}|~{3,})/;

/** Every `$ `-prefixed command inside fenced blocks that run curl, with the output shown below it. */
export function findPageCommands(page: string): PageCommand[] {
  const lines = page.split('\n');
  const commands: PageCommand[] = [];
  let fence: string | undefined;
  let block: PageCommand[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch && (fence === undefined || line.trim() === fence)) {
      if (fence === undefined) {
        fence = fenceMatch[1];
        block = [];
      } else {
        fence = undefined;
        if (block.some((entry) => /^(curl|for) /.test(entry.command))) commands.push(...block);
      }
      continue;
    }
    if (fence === undefined) continue;
    const current = block.at(-1);
    if (line.startsWith('$ ')) {
      block.push({ command: line.slice(2), output: [], start: index, end: index + 1 });
    } else if (current) {
      current.output.push(line);
      current.end = index + 1;
    }
  }
  for (const command of commands) {
    while (command.output.length > 0 && command.output.at(-1)?.trim() === '') {
      command.output.pop();
      command.end -= 1;
    }
  }
  return commands;
}
