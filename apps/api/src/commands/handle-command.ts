import type { Checkpoint, EventStore, JsonObject, JsonValue } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';
import { foldStream, type Fold } from './fold-stream.ts';

/** The pure parts of a capability, as the domain exports them. */
export interface Decider<Command, Event, State> extends Fold<Event, State> {
  decide(command: Command, state: State): Event[];
}

/** A client changed something it last saw at another version (HTTP 409, with the current version). */
export class StaleVersionError extends Error {
  readonly code = 'STALE_VERSION';
  constructor(
    readonly expected: number,
    readonly current: number,
  ) {
    super(
      `This was changed in the meantime: you saw version ${expected}, it is now at version ${current}. Reload and try again.`,
    );
  }
}

export interface CommandOptions {
  /** The version the client saw; a different current version is refused with StaleVersionError. */
  readonly expectedVersion?: number | undefined;
  readonly actor: string;
  readonly correlationId?: string | undefined;
  /** Routed with every event, for the live stream and access rules. */
  readonly productionId?: string | undefined;
  readonly idempotencyKey?: string | undefined;
}

export interface CommandResult<Event> {
  readonly events: Event[];
  /** The stream's version after the command. */
  readonly version: number;
  /** Where the events are in the global order (undefined when the command changed nothing). */
  readonly checkpoint: Checkpoint | undefined;
}

/**
 * Loads a stream, folds it into state (from the state folded last time: see `foldStream`), decides, and
 * appends at the version it loaded, so a concurrent change in between is refused by the store
 * (ConcurrencyError) rather than silently overwritten.
 */
export async function handleCommand<Command, Event extends { type: string; data: object }, State>(
  store: EventStore<Database>,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  options: CommandOptions,
): Promise<CommandResult<Event>> {
  const { state, version } = await foldStream(store, streamId, decider);
  if (options.expectedVersion !== undefined && options.expectedVersion !== version)
    throw new StaleVersionError(options.expectedVersion, version);
  const events = decider.decide(command, state);
  if (events.length === 0) return { events, version, checkpoint: undefined };
  const metadata: Record<string, JsonValue> = { actor: options.actor };
  if (options.correlationId) metadata.correlationId = options.correlationId;
  if (options.productionId) metadata.productionId = options.productionId;
  const result = await store.append(
    streamId,
    version,
    events.map((event) => ({ type: event.type, data: event.data as JsonObject })),
    { metadata, ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}) },
  );
  return {
    events,
    version: Number(result.nextExpectedVersion),
    checkpoint: { transactionId: result.transactionId, position: result.lastPosition },
  };
}
