/**
 * Hostile input for the fuzz tests, as fast-check arbitraries: wrong types, huge and odd
 * strings, deep junk, prototype-pollution keys, out-of-range numbers, impossible dates, HTML and
 * script. Bodies are produced as JSON TEXT so keys like "__proto__" reach the server as the own
 * properties JSON.parse makes of them (an object literal would turn them into a prototype).
 */
import fc from 'fast-check';

export const HOSTILE_STRINGS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  'prototype',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\u202eevil',
  '\ud800',
  'ﷺ🙂👩‍👩‍👧',
  ' ',
  '',
  'real',
  'NaN',
  '-Infinity',
  '2024-02-30T10:00',
  '2024-13-01T00:00',
  '2024-10-14T25:61',
  '0000-00-00T00:00',
  '275760-09-13T00:00:00Z',
  '2024-10-14T13:00:00+99:00',
  '2024-10-14',
  'x'.repeat(5_000),
];

export const HOSTILE_NUMBERS = [0, -0, -1, 1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 0.5, 1e-320];

/** Field names our routes read, plus the classic prototype-pollution keys. */
export const FIELD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'id',
  'title',
  'text',
  'start',
  'end',
  'venueId',
  'venueIds',
  'status',
  'kind',
  'severity',
  'expiresAt',
  'expiresInMinutes',
  'minutes',
  'shiftFollowing',
  'expectedVersion',
  'force',
  'organizers',
  'online',
  'agendaItems',
  'currentAgendaItem',
  'time',
  'speed',
  'password',
  'name',
  'code',
  'view',
  'format',
  'content',
  'programme',
];

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(), // NaN and ±Infinity become null in JSON
  fc.boolean(),
  fc.constant(null),
);

/** Any JSON value built from hostile leaves, nested a few levels. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...FIELD_KEYS), tie('value'), { maxKeys: 4 }),
  ),
})).value;

function jsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** An object as JSON text whose keys may be "__proto__" & co. (as own keys after JSON.parse). */
export const hostileObjectText: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...FIELD_KEYS), fc.string({ maxLength: 10 })), hostileValue), {
    maxLength: 6,
  })
  .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${jsonText(value)}`).join(',')}}`);

/** Text that is not JSON at all, or only nearly. */
export const brokenJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{',
    '{"title":',
    '[1,2',
    '{"a":1}}',
    "{'title':'x'}",
    'undefined',
    '\u0000',
    '{"__proto__":{"polluted":1}',
  ),
  fc.string({ maxLength: 30 }),
);

/** A request body: JSON text of every kind of junk, for any route. */
export const hostileBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileObjectText },
  { weight: 2, arbitrary: hostileValue.map(jsonText) },
  { weight: 1, arbitrary: brokenJsonText },
  {
    weight: 1,
    arbitrary: fc.constantFrom('['.repeat(5_000) + ']'.repeat(5_000), `{"title":"${'y'.repeat(200_000)}"}`),
  },
);

function encodable(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false; // a lone surrogate cannot be put in a URL at all
  }
}

/** A path segment (URL-encoded): an id that may exist, or junk. */
export function hostileId(known: string[]): fc.Arbitrary<string> {
  return fc
    .oneof(fc.constantFrom(...known), fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 20 }))
    .filter(encodable)
    .map(encodeURIComponent);
}

/**
 * A valid body with some fields left out and some replaced by hostile values (or hostile keys
 * added): the junk that gets furthest into a route.
 */
export function nearlyValid(valid: Record<string, unknown>): fc.Arbitrary<string> {
  const entries = Object.entries(valid);
  const keys = [...Object.keys(valid), ...FIELD_KEYS];
  return fc
    .tuple(
      fc.subarray(entries),
      fc.array(fc.tuple(fc.constantFrom(...keys), hostileValue), { minLength: 1, maxLength: 3 }),
    )
    .map(
      ([kept, spoiled]) =>
        `{${[...kept, ...spoiled].map(([key, value]) => `${JSON.stringify(key)}:${jsonText(value)}`).join(',')}}`,
    );
}
