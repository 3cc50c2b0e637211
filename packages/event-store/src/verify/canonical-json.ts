import canonicalize from 'canonicalize';

/** Deeper than this, leave it to `canonicalize` (it walks without recursion and detects cycles). */
const MAX_DEPTH = 64;
/** Returned by the fast path for a value it does not handle: `canonicalize` decides. */
const UNHANDLED = Symbol('unhandled');

/** Member names as JSON strings: the same few names recur in every event. Bounded, for odd payloads. */
const quotedKeys = new Map<string, string>();
function quote(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * RFC 8785 canonical JSON of `value`: exactly what the `canonicalize` package returns (and throws), only
 * faster on plain JSON data, which is all the store keeps. Plain objects whose keys are already in order
 * and whose values are all primitives are serialised by `JSON.stringify` itself (V8's native serialiser
 * writes strings and numbers as RFC 8785 requires); other objects get their keys sorted by UTF-16 code
 * units, as `canonicalize` sorts them. Anything else (a class instance, `toJSON`, a boxed primitive,
 * `undefined`, a symbol, a bigint, a non-finite number, a lone surrogate, very deep nesting) goes to
 * `canonicalize`, so its result or its error is the answer there too.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null, 'é'] }); // '{"a":[true,null,"é"],"b":1}'
 */
export function canonicalJson(value: unknown): string | undefined {
  const fast = serialize(value, 0);
  // A lone surrogate comes out of JSON.stringify as a `\udXXX` escape, where `canonicalize` throws. The
  // needle also matches an escaped backslash followed by "ud": then `canonicalize` merely agrees, slower.
  if (fast === UNHANDLED || fast.includes('\\ud')) return canonicalize(value);
  return fast;
}

function serialize(value: unknown, depth: number): string | typeof UNHANDLED {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : UNHANDLED;
    case 'object':
      if (value === null) return 'null';
      if (depth > MAX_DEPTH) return UNHANDLED;
      return Array.isArray(value)
        ? serializeArray(value as unknown[], depth)
        : serializeObject(value as Record<string, unknown>, depth);
    default:
      return UNHANDLED;
  }
}

function serializeArray(array: unknown[], depth: number): string | typeof UNHANDLED {
  if (
    Object.getPrototypeOf(array) !== Array.prototype ||
    typeof (array as { toJSON?: unknown }).toJSON === 'function'
  )
    return UNHANDLED;
  let out = '[';
  for (let i = 0; i < array.length; i++) {
    const element = serialize(array[i], depth + 1);
    if (element === UNHANDLED) return UNHANDLED;
    out += i === 0 ? element : ',' + element;
  }
  return out + ']';
}

function serializeObject(object: Record<string, unknown>, depth: number): string | typeof UNHANDLED {
  const prototype: unknown = Object.getPrototypeOf(object);
  if ((prototype !== Object.prototype && prototype !== null) || typeof object['toJSON'] === 'function')
    return UNHANDLED;
  const keys = Object.keys(object);
  // Keys already in canonical order with only primitive values: JSON.stringify writes the same text, in
  // Object.keys order, natively.
  let flat = true;
  for (let i = 0; i < keys.length; i++) {
    const member = object[keys[i]!];
    const kind = typeof member;
    if (kind === 'string' || kind === 'boolean' || member === null) {
      // fine
    } else if (kind !== 'number' || !Number.isFinite(member)) {
      flat = false;
      if (kind !== 'object') return UNHANDLED;
    }
    if (i > 0 && !(keys[i - 1]! < keys[i]!)) flat = false;
  }
  if (flat) return JSON.stringify(object);
  keys.sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const member = serialize(object[key], depth + 1);
    if (member === UNHANDLED) return UNHANDLED;
    out += (i === 0 ? '' : ',') + quote(key) + ':' + member;
  }
  return out + '}';
}
