import { Type, type Static } from 'typebox';

/** A UUID, as every id in Panggung is. */
export const Uuid = Type.String({ format: 'uuid', description: 'A UUID' });
export type Uuid = Static<typeof Uuid>;

/** An instant as ISO 8601 with an offset, e.g. `2027-03-14T19:00:00+07:00`. */
export const Instant = Type.String({ format: 'date-time', maxLength: 40 });
export type Instant = Static<typeof Instant>;

/** An IANA time zone; Asia/Jakarta unless said otherwise. */
export const TimeZone = Type.String({
  minLength: 3,
  maxLength: 64,
  pattern: '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$',
});

/** Languages of the interface: Bahasa Indonesia first. */
export const Locale = Type.Union([Type.Literal('id'), Type.Literal('en')]);
export type Locale = Static<typeof Locale>;

/** ISO 4217 code; Rupiah by default. */
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', default: 'IDR' });

/**
 * Money in whole minor units (Rupiah has none in practice: whole rupiah), never a float.
 * JSON carries it as an integer; the database as bigint.
 */
export const Amount = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

/** A position in the global event order, `"<transaction>:<position>"`, to resume a live stream from. */
export const Checkpoint = Type.String({ pattern: '^\\d{1,20}:\\d{1,19}$', maxLength: 40 });
export type Checkpoint = Static<typeof Checkpoint>;

/** A stream version for optimistic concurrency: what the client last saw. */
export const ExpectedVersion = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

/** A short human text: names, titles. */
export const Name = Type.String({ minLength: 1, maxLength: 200 });

/** Every error response has this shape; `code` is stable, `message` is for people, `field` names the culprit. */
export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String(),
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  current: Type.Optional(
    Type.Unknown({ description: 'The current state, when a stale or late command was refused' }),
  ),
});
export type ErrorBody = Static<typeof ErrorBody>;

/** Cursor pagination: `items` and the cursor of the next page, if any. */
export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
