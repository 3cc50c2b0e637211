import type { JsonObject, StoredEvent } from '../types.ts';
import { canonicalJson } from './canonical-json.ts';
import { ChainVerifier, type VerifiableEvent, type VerifyReport } from './chain-verifier.ts';

/**
 * One line of a history export (JSON lines, one event per line, in global commit order). It holds all a
 * third party needs to recompute each stream's chain offline: the hashed content (id, type, schema
 * version, data, metadata), the event's place (stream, version) and both ends of its link. Versions and
 * positions are decimal strings: JSON numbers lose precision past 2^53.
 */
export interface ExportLine {
  readonly id: string;
  readonly streamId: string;
  readonly streamVersion: string;
  readonly position: string;
  readonly transactionId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  /** Hex SHA-256 of this event's link. */
  readonly hash: string;
  /** Hex hash of the stream's event before it; '' for version 1. */
  readonly previousHash: string;
}

/** An export line that is not an event: not JSON, or a field missing or of the wrong kind. */
export class ExportFormatError extends Error {
  readonly code = 'EXPORT_FORMAT' as const;
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`Line ${line} is not an exported event: ${detail}`);
    this.name = 'ExportFormatError';
  }
}

/**
 * A payload as an export line writes it: in canonical JSON (keys sorted as the hash sorts them), so a
 * verifier can take `JSON.stringify` of the parsed payload for the hashed text. A payload that has no
 * canonical form (it could not have been hashed) is written as `JSON.stringify` writes it.
 */
function payload(value: JsonObject): string {
  try {
    return canonicalJson(value) ?? JSON.stringify(value);
  } catch {
    return JSON.stringify(value);
  }
}

/**
 * The export line of a stored event, given the hash of its stream's previous event ('' for version 1):
 * an `ExportLine` in JSON, its fields in the interface's order, `data` and `metadata` in canonical JSON
 * (not in jsonb's key order, as PostgreSQL hands them over), which lets `verifyExport` hash them natively.
 */
export function toExportLine(event: StoredEvent, previousHash: string): string {
  return (
    `{"id":${JSON.stringify(event.id)},"streamId":${JSON.stringify(event.streamId)}` +
    `,"streamVersion":"${event.streamVersion}","position":"${event.position}"` +
    `,"transactionId":"${event.transactionId}","type":${JSON.stringify(event.type)}` +
    `,"schemaVersion":${JSON.stringify(event.schemaVersion)}` +
    `,"data":${payload(event.data)},"metadata":${payload(event.metadata)}` +
    `,"hash":${JSON.stringify(event.hash)},"previousHash":${JSON.stringify(previousHash)}}`
  );
}

const DECIMAL = /^[0-9]{1,19}$/;
// With the length checked apart: faster than `{64}` (two hashes on each of a million lines).
const HEX_DIGITS = /^[0-9a-f]+$/;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Field readers for `parseExportLine`: module functions rather than closures made per line (a history has
// a million lines).
function str(record: JsonObject, field: string, line: number): string {
  const v = record[field];
  if (typeof v !== 'string') throw new ExportFormatError(line, `"${field}" must be a string`);
  return v;
}
function decimal(record: JsonObject, field: string, line: number): bigint {
  const v = str(record, field, line);
  if (!DECIMAL.test(v)) throw new ExportFormatError(line, `"${field}" must be a decimal string`);
  // Through a number while it is exact (2^53 has 16 digits): faster than parsing the string as a bigint.
  return v.length < 16 ? BigInt(Number(v)) : BigInt(v);
}
/** The last two hashes found well formed: a line's previous hash is usually the hash of the line before. */
let wellFormedHex = '';
let wellFormedHexBefore = '';
function hex(record: JsonObject, field: string, line: number, emptyAllowed: boolean): string {
  const v = str(record, field, line);
  if (v === wellFormedHexBefore || v === wellFormedHex || (emptyAllowed && v === '')) return v;
  if (v.length !== 64 || !HEX_DIGITS.test(v))
    throw new ExportFormatError(line, `"${field}" must be 64 lowercase hex digits`);
  wellFormedHexBefore = wellFormedHex;
  wellFormedHex = v;
  return v;
}
function object(record: JsonObject, field: string, line: number): JsonObject {
  const v = record[field];
  if (!isObject(v)) throw new ExportFormatError(line, `"${field}" must be an object`);
  return v;
}

/** Reads one export line back as the verifier sees it; `lineNumber` (from 1) names it in errors. */
export function parseExportLine(text: string, lineNumber: number): VerifiableEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ExportFormatError(lineNumber, error instanceof Error ? error.message : String(error));
  }
  if (!isObject(value)) throw new ExportFormatError(lineNumber, 'expected a JSON object');
  const schemaVersion = value['schemaVersion'];
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion))
    throw new ExportFormatError(lineNumber, '"schemaVersion" must be an integer');
  return {
    id: str(value, 'id', lineNumber),
    streamId: str(value, 'streamId', lineNumber),
    streamVersion: decimal(value, 'streamVersion', lineNumber),
    position: decimal(value, 'position', lineNumber),
    type: str(value, 'type', lineNumber),
    schemaVersion,
    data: object(value, 'data', lineNumber),
    metadata: object(value, 'metadata', lineNumber),
    hash: hex(value, 'hash', lineNumber, false),
    previousHash: hex(value, 'previousHash', lineNumber, true),
  };
}

export interface VerifyExportOptions {
  /** Called every `progressEvery` events (default 10,000) with the count so far. */
  readonly onProgress?: (eventsChecked: number) => void;
  readonly progressEvery?: number;
}

/**
 * Verifies an export offline, without a database: every stream must start at version 1 and each line
 * must extend its stream's chain (same `ChainVerifier` as `verify()` over the database). Blank lines are
 * skipped; a line that is not an event throws `ExportFormatError` naming it.
 *
 * An export cannot prove it was not cut short after a stream's last line: compare the heads it reports
 * with ones published elsewhere (the API's verify endpoint) for that.
 *
 * @example
 * const lines = readline.createInterface({ input: fs.createReadStream('concert.jsonl') });
 * const report = await verifyExport(lines);
 */
export async function verifyExport(
  lines: AsyncIterable<string> | Iterable<string>,
  options: VerifyExportOptions = {},
): Promise<VerifyReport> {
  const every = options.progressEvery ?? 10_000;
  // Export lines carry their payloads in canonical order (`toExportLine`): try them as parsed first. An
  // export from before that, or a tampered line, gets the full canonicalisation and the same answer.
  const verifier = new ChainVerifier(false, 'canonical');
  let lineNumber = 0;
  let events = 0;
  const check = (line: string) => {
    lineNumber++;
    if (line.trim() === '') return;
    verifier.add(parseExportLine(line, lineNumber));
    if (++events % every === 0) options.onProgress?.(events);
  };
  // An array or other plain iterable needs no await per line.
  if (Symbol.iterator in lines) for (const line of lines) check(line);
  else for await (const line of lines) check(line);
  return verifier.result();
}
