import { sql, type Kysely } from 'kysely';
import { InvalidArgumentError } from '../errors.ts';
import type { Checkpoint, StoredEvent } from '../types.ts';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './rows.ts';

export interface ReadAllResult {
  /** Events after the checkpoint, in commit order. */
  readonly events: StoredEvent[];
  /** Where to read from next: the last event's checkpoint, or the one given when there were none. */
  readonly checkpoint: Checkpoint;
  /**
   * True when committed events exist that could not be returned yet because an older transaction is
   * still open; they become readable once it ends. Live readers look again shortly.
   */
  readonly heldBack: boolean;
}

/**
 * All events after `after`, in commit order, without gaps (DESIGN.md decision 1): ordered by
 * (transaction id, position) and never past the oldest transaction still running, in one statement, so
 * an event whose transaction began earlier but committed later is never skipped.
 */
export async function readAll(db: Kysely<unknown>, after: Checkpoint, limit = 1000): Promise<ReadAllResult> {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 100_000)
    throw new InvalidArgumentError('limit', 'must be an integer from 1 to 100,000');
  if (typeof after?.transactionId !== 'bigint' || typeof after.position !== 'bigint')
    throw new InvalidArgumentError(
      'after',
      'must be a checkpoint { transactionId: bigint, position: bigint }',
    );
  const { rows } = await sql<EventRow & { held_back: boolean }>`
    with horizon as materialized (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
    select page.*, coalesce((
      select late.transaction_id from events late order by late.transaction_id desc limit 1
    ) >= horizon.xmin, false) as held_back
    from horizon left join lateral (
      select ${sql.raw(EVENT_COLUMNS)} from events
      where (transaction_id, position) > (${after.transactionId.toString()}::xid8, ${after.position.toString()}::bigint)
        and transaction_id < horizon.xmin
      order by transaction_id, position
      limit ${limit}
    ) page on true
    order by page.transaction_id_text::xid8, page.position
  `.execute(db);
  const heldBack = rows[0]?.held_back ?? false;
  const events = rows[0]?.position == null ? [] : rows.map(toStoredEvent);
  const last = events.at(-1);
  return { events, checkpoint: last ? last.checkpoint : after, heldBack };
}
