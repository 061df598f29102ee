/** A round's order: rotated by `turn` and reversed every other turn, so none always leads. */
export function turnOrder<T>(items: readonly T[], turn: number): T[] {
  const rotated = items.map((_, index) => items[(index + turn) % items.length] as T);
  return turn % 2 === 0 ? rotated : rotated.reverse();
}
