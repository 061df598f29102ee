/** The inside of `{...}` split into its pieces, before any rule is checked. */
export interface ParameterText {
  readonly name: string;
  readonly catchAll: boolean;
  readonly optional: boolean;
  readonly defaultValue: string | undefined;
  /** Each constraint as written (`min(1)`), with its offset in the parameter text. */
  readonly constraints: readonly { readonly text: string; readonly offset: number }[];
}

type State = 'start' | 'name' | 'parenthesis' | 'end';

/**
 * Reads `*name:c1:c2(args)=default?` the way ASP.NET Core's RouteParameterParser does, quirks
 * included: a `)` ends a constraint only before `:`, `=` or the end, so regexes keep their parens.
 */
export function parseParameterText(text: string): ParameterText {
  let start = 0;
  let end = text.length - 1;
  const catchAll = text.startsWith('*');
  if (text.startsWith('**')) start = 2;
  else if (catchAll) start = 1;
  const optional = text.endsWith('?');
  if (optional) end -= 1;

  let index = start;
  let name = '';
  for (; index <= end; index += 1) {
    const char = text[index];
    // A name may start with ":" or "=" ({:x} is a parameter named ":x").
    if ((char === ':' || char === '=') && index !== start) {
      name = text.slice(start, index);
      index -= 1; // the constraint reader starts one character back, as ASP.NET Core's does
      break;
    }
    if (index === end) name = text.slice(start, index + 1);
  }

  const constraints: { text: string; offset: number }[] = [];
  const add = (from: number, to: number): void => {
    if (to > from) constraints.push({ text: text.slice(from, to), offset: from });
  };
  let state: State = 'start';
  let from = index;
  for (; state !== 'end'; index += 1) {
    const char = index > end ? undefined : text[index];
    if (state === 'start') {
      if (char === undefined) {
        state = 'end';
      } else if (char === ':') {
        state = 'name';
        from = index + 1;
      } else if (char === '(') {
        state = 'parenthesis';
      } else if (char === '=') {
        state = 'end';
        index -= 1;
      }
    } else if (state === 'name') {
      if (char === undefined || char === '=' || char === ':') add(from, index);
      if (char === undefined) {
        state = 'end';
      } else if (char === ':') {
        from = index + 1;
      } else if (char === '(') {
        state = 'parenthesis';
      } else if (char === '=') {
        state = 'end';
        index -= 1;
      }
    } else if (char === undefined) {
      add(from, index);
      state = 'end';
    } else if (char === ')') {
      // A ")" closes the constraint only at the end or before ":" or "=".
      const next = index + 1 > end ? undefined : text[index + 1];
      if (next === undefined || next === ':' || next === '=') add(from, index + 1);
      if (next === undefined || next === '=') {
        state = 'end';
      } else if (next === ':') {
        state = 'start';
        from = index + 1;
      }
    } else if (char === ':' || char === '=') {
      // Inside "(...)" a delimiter only ends the constraint when no ")" follows anywhere.
      const close = text.indexOf(')', index + 1);
      if (close >= 0) {
        index = close;
      } else {
        add(from, index);
        state = char === ':' ? 'name' : 'end';
        if (char === ':') from = index + 1;
        else index -= 1;
      }
    }
  }

  const defaultValue =
    index <= end && text[index] === '=' ? text.slice(index + 1, end + 1) : undefined;
  return { name, catchAll, optional, defaultValue, constraints };
}
