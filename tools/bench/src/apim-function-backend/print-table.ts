/** Prints a Markdown table with columns padded to their widest cell. */
export function printTable(headers: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(line(headers));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}

/** `1.234` → `1.23×`. */
export function times(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

/** A goal verdict line that says plainly when a goal is missed. */
export function verdict(goal: string, met: boolean, detail: string): string {
  return `${met ? 'MET   ' : 'MISSED'} ${goal}: ${detail}`;
}
