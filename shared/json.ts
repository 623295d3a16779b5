/** Equality of values as the store and the wire keep them (JSON), for "did this field change?". */

/**
 * Equal once written as JSON: undefined members vanish, key order does not matter, and no
 * Node-only helper is needed, so the panel can ask the same question as the server.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return equalPlain(toPlain(a), toPlain(b));
}

function toPlain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function equalPlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => equalPlain(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length && keys.every((key) => key in right && equalPlain(left[key], right[key]))
  );
}
