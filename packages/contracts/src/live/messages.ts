import { Type, type Static } from 'typebox';
import { Checkpoint, Instant, Uuid } from '../common/common.ts';
import { Notification } from '../communication/notifications.ts';

/**
 * The live stream (`GET /api/live`, websocket). The client subscribes to productions from a checkpoint it
 * names; the server sends what was missed, then live events, each with its checkpoint. To resume after a
 * reconnect, subscribe again from the last checkpoint received: nothing is missed, nothing comes twice.
 */
export const SubscribeMessage = Type.Object(
  {
    type: Type.Literal('subscribe'),
    productionIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
    /** Resume after this checkpoint; omitted: only live events from now on. */
    after: Type.Optional(Checkpoint),
  },
  { additionalProperties: false },
);

export const PingMessage = Type.Object(
  { type: Type.Literal('ping'), id: Type.Optional(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);

export const LiveClientMessage = Type.Union([SubscribeMessage, PingMessage]);
export type LiveClientMessage = Static<typeof LiveClientMessage>;

/** An event as the live stream and the history API show it. */
export const LiveEvent = Type.Object({
  id: Uuid,
  type: Type.String(),
  streamId: Type.String(),
  streamVersion: Type.Integer(),
  productionId: Uuid,
  data: Type.Unknown(),
  actor: Type.String(),
  recordedAt: Instant,
  checkpoint: Checkpoint,
});
export type LiveEvent = Static<typeof LiveEvent>;

export const LiveServerMessage = Type.Union([
  Type.Object({
    type: Type.Literal('subscribed'),
    productionIds: Type.Array(Uuid),
    /** Events up to here were sent (or there were none). */
    checkpoint: Checkpoint,
  }),
  Type.Object({ type: Type.Literal('event'), event: LiveEvent }),
  Type.Object({
    type: Type.Literal('heartbeat'),
    /** The server's clock, for clients to synchronise to. */
    serverTime: Instant,
    checkpoint: Checkpoint,
  }),
  Type.Object({ type: Type.Literal('pong'), id: Type.Optional(Type.String()), serverTime: Instant }),
  Type.Object({ type: Type.Literal('error'), code: Type.String(), message: Type.String() }),
  /** A new notification for the signed-in person only (never sent on anybody else's socket). */
  Type.Object({ type: Type.Literal('notification'), notification: Notification }),
]);
export type LiveServerMessage = Static<typeof LiveServerMessage>;

/** Websocket close codes the server uses, with a reason text. */
export const LIVE_CLOSE = {
  unauthenticated: 4401,
  forbidden: 4403,
  badMessage: 4400,
  tooSlow: 4408,
  shuttingDown: 1001,
} as const;
