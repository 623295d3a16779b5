/**
 * Long titles (the reference programme has 200-character ones) get a smaller size so more of
 * them fits, but never below the legibility floor.
 */
export function titleSize(title: string, base = 'var(--text-title)'): string {
  const scale = title.length <= 60 ? 1 : title.length <= 120 ? 0.82 : 0.7;
  return `max(var(--text-min), calc(${base} * ${scale}))`;
}
