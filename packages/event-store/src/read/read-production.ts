import { sql, type Kysely } from 'kysely';
import { START } from '../checkpoint.ts';
import { InvalidArgumentError } from '../errors.ts';
import type { Checkpoint } from '../types.ts';
import type { ReadAllResult } from './read-all.ts';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './rows.ts';

export interface ReadProductionOptions {
  /** Read after this checkpoint (default: from the first event). */
  readonly after?: Checkpoint;
  /** At most this many events (default 1,000, at most 100,000). */
  readonly limit?: number;
}

/**
 * The events of one production (those whose payload names it in `productionId`, whatever their stream),
 * after `after`, in global commit order with the same gap-free horizon as `readAll`. Served by the
 * expression index `events_by_production` on (data->>'productionId', transaction_id, position), so a
 * production's history is found without scanning the others'.
 */
export function readProduction(
  db: Kysely<unknown>,
  productionId: string,
  options: ReadProductionOptions = {},
): Promise<ReadAllResult> {
  return readProductionPage(db, productionId, options, true);
}

/**
 * One page of a production's events. With `horizon` (live readers), never past the oldest running
 * transaction; without it, everything the caller's snapshot sees: inside one repeatable-read transaction
 * that is already gap-free, and a reader there must not wait for transactions its snapshot cannot see.
 */
export async function readProductionPage(
  db: Kysely<unknown>,
  productionId: string,
  options: ReadProductionOptions,
  horizon: boolean,
): Promise<ReadAllResult> {
  const after = options.after ?? START;
  const limit = options.limit ?? 1000;
  if (typeof productionId !== 'string' || productionId.length === 0)
    throw new InvalidArgumentError('productionId', 'must be a non-empty string');
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 100_000)
    throw new InvalidArgumentError('limit', 'must be an integer from 1 to 100,000');
  if (typeof after?.transactionId !== 'bigint' || typeof after.position !== 'bigint')
    throw new InvalidArgumentError(
      'after',
      'must be a checkpoint { transactionId: bigint, position: bigint }',
    );
  if (!horizon) {
    // Nothing is held back inside a snapshot: a plain walk of `events_by_production`, in index order (the
    // lateral form below sorts the page again, and a page of wide rows spills that sort to disk).
    const { rows } = await sql<EventRow>`
      select ${sql.raw(EVENT_COLUMNS)} from events
      where data->>'productionId' = ${productionId}
        and (transaction_id, position) > (${after.transactionId.toString()}::xid8, ${after.position.toString()}::bigint)
      order by transaction_id, position
      limit ${limit}
    `.execute(db);
    const events = rows.map(toStoredEvent);
    return { events, checkpoint: events.at(-1)?.checkpoint ?? after, heldBack: false };
  }
  const { rows } = await sql<EventRow & { held_back: boolean }>`
    with horizon as materialized (
      select case when ${horizon} then pg_snapshot_xmin(pg_current_snapshot()) else null end as xmin
    )
    select page.*, coalesce((
      select late.transaction_id from events late
      where late.data->>'productionId' = ${productionId}
      order by late.transaction_id desc limit 1
    ) >= horizon.xmin, false) as held_back
    from horizon left join lateral (
      select ${sql.raw(EVENT_COLUMNS)} from events
      where data->>'productionId' = ${productionId}
        and (transaction_id, position) > (${after.transactionId.toString()}::xid8, ${after.position.toString()}::bigint)
        and (horizon.xmin is null or transaction_id < horizon.xmin)
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
