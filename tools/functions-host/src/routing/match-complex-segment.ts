import type { ParameterPart, TemplatePart } from '@cookbook/route-template';

/**
 * Matches a segment mixing literals and parameters (`{name}.{ext?}`) right to left, taking the
 * last occurrence of each literal, as ASP.NET Core's TemplateMatcher does.
 */
export function matchComplexSegment(
  parts: readonly TemplatePart[],
  value: string,
): Record<string, string> | undefined {
  const last = parts.at(-1);
  const full = matchRightToLeft(parts, value);
  if (full || last?.kind !== 'parameter' || !last.optional) return full;
  const withoutOptional = parts.slice(0, -1);
  const dot = withoutOptional.at(-1);
  if (dot?.kind === 'literal') {
    const text = dot.text.slice(0, -1);
    withoutOptional.splice(-1, 1, ...(text ? [{ kind: 'literal' as const, text }] : []));
  }
  return matchRightToLeft(withoutOptional, value);
}

function matchRightToLeft(
  parts: readonly TemplatePart[],
  value: string,
): Record<string, string> | undefined {
  const lowerValue = value.toLowerCase();
  const values: Record<string, string> = {};
  let end = value.length;
  let pending: ParameterPart | undefined;
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    const part = parts[i];
    if (!part) continue;
    if (part.kind === 'parameter') {
      pending = part;
      continue;
    }
    const literal = part.text.toLowerCase();
    const latestStart = (pending ? end - 1 : end) - literal.length;
    if (latestStart < 0) return undefined;
    const index = pending ? lowerValue.lastIndexOf(literal, latestStart) : latestStart;
    if (index < 0 || lowerValue.slice(index, index + literal.length) !== literal) return undefined;
    if (pending) {
      values[pending.name] = value.slice(index + literal.length, end);
      pending = undefined;
    }
    end = index;
  }
  if (pending) {
    if (end === 0) return undefined;
    values[pending.name] = value.slice(0, end);
  } else if (end !== 0) {
    return undefined;
  }
  return values;
}
