import { Type, type Static } from 'typebox';

/** Why a stream's chain does not hold where it breaks. */
export const BrokenLinkReason = Type.Union([
  Type.Literal('hash-mismatch'),
  Type.Literal('version-gap'),
  Type.Literal('head-mismatch'),
]);
export type BrokenLinkReason = Static<typeof BrokenLinkReason>;

/** A decimal string for a bigint (stream versions, positions): JSON numbers lose precision past 2^53. */
const Decimal = Type.String({ pattern: '^[0-9]{1,19}$' });

/** The first place a stream's hash chain does not hold. */
export const AuditBrokenLink = Type.Object({
  streamId: Type.String(),
  /** The first version that does not follow (for a head mismatch: the stream's recorded version). */
  streamVersion: Decimal,
  position: Type.Union([Decimal, Type.Null()]),
  reason: BrokenLinkReason,
  message: Type.String(),
});
export type AuditBrokenLink = Static<typeof AuditBrokenLink>;

/** The verdict of a verification: ok, or the first broken link of every broken stream. */
export const AuditVerifyReport = Type.Object({
  ok: Type.Boolean(),
  streamsChecked: Type.Integer({ minimum: 0 }),
  eventsChecked: Type.Integer({ minimum: 0 }),
  brokenLinks: Type.Array(AuditBrokenLink),
});
export type AuditVerifyReport = Static<typeof AuditVerifyReport>;

/**
 * One line of a production's history export (`application/x-ndjson`), in commit order: all a third party
 * needs to recompute each stream's SHA-256 chain offline (`pnpm audit:verify -- --file export.jsonl`).
 */
export const AuditExportLine = Type.Object({
  id: Type.String({ format: 'uuid' }),
  streamId: Type.String(),
  streamVersion: Decimal,
  position: Decimal,
  transactionId: Decimal,
  type: Type.String(),
  schemaVersion: Type.Integer(),
  data: Type.Record(Type.String(), Type.Unknown()),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  /** '' before version 1. */
  previousHash: Type.String({ pattern: '^([0-9a-f]{64})?$' }),
});
export type AuditExportLine = Static<typeof AuditExportLine>;
