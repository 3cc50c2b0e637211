import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

/** A small deterministic generator, so a failure names a reproducible case. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

// Keys and strings that exercise RFC 8785's ordering by UTF-16 code units and JSON.stringify's escapes.
const KEYS = [
  'a',
  'b',
  'B',
  'aa',
  '10',
  '9',
  '1',
  '',
  'é',
  'z',
  '\u{1F600}',
  '\uFFFD',
  'ключ',
  '__proto__',
  'toJSON',
  '"q"',
  'a\nb',
];
const STRINGS = [
  '',
  'Rp 1.500.000',
  'é ✓ "kutip"',
  '\\',
  '\u0000\u001f\u007f',
  '\u2028\u2029',
  '\u{1F600}',
  'tab\there',
  '\\ud800',
];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  1.5,
  0.1 + 0.2,
  1e21,
  1e-7,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  281_000_000,
  -1e300,
];

function value(next: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const kind = depth > 3 ? Math.floor(next() * 4) : Math.floor(next() * 6);
  switch (kind) {
    case 0:
      return pick(STRINGS);
    case 1:
      return pick(NUMBERS);
    case 2:
      return pick([true, false, null]);
    case 3:
      return pick(STRINGS) + pick(KEYS);
    case 4:
      return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
    default: {
      // Built the way JSON.parse builds objects, own "__proto__" included.
      const text = `{${Array.from(
        { length: Math.floor(next() * 6) },
        () => `${JSON.stringify(pick(KEYS))}:${JSON.stringify(value(next, depth + 1))}`,
      ).join(',')}}`;
      return JSON.parse(text) as unknown;
    }
  }
}

describe('canonical JSON', () => {
  it('writes what the canonicalize package writes, for 5,000 generated JSON values', () => {
    const next = random(7);
    for (let i = 0; i < 5_000; i++) {
      const input = value(next, 0);
      expect(canonicalJson(input), JSON.stringify(input)).toBe(canonicalize(input));
    }
  });

  it('sorts keys by UTF-16 code units, array indices included', () => {
    expect(
      canonicalJson(JSON.parse('{"b":1,"a":{"z":[{"y":2,"x":1}],"\u{1F600}":0,"\uFFFD":0},"10":0,"9":0}')),
    ).toBe('{"10":0,"9":0,"a":{"z":[{"x":1,"y":2}],"\u{1F600}":0,"\uFFFD":0},"b":1}');
  });

  it('keeps an own "__proto__" member as data', () => {
    const parsed = JSON.parse('{"b":1,"__proto__":{"x":1}}') as unknown;
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":1},"b":1}');
  });

  it('throws where canonicalize throws, and agrees with it on what is not plain data', () => {
    expect(() => canonicalJson({ a: '\ud800' })).toThrow(/surrogate/i);
    expect(() => canonicalJson({ a: [Number.NaN] })).toThrow(/NaN/);
    expect(() => canonicalJson({ a: Infinity })).toThrow(/Infinity/);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/Circular/);
    const odd = {
      when: new Date(Date.UTC(2027, 2, 1)),
      boxed: Object(5) as unknown,
      gone: undefined,
      list: [undefined, () => 1],
      custom: { toJSON: () => ({ b: 2, a: 1 }) },
    };
    expect(canonicalJson(odd)).toBe(canonicalize(odd));
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = { d: [deep] };
    expect(canonicalJson(deep)).toBe(canonicalize(deep));
  });
});
