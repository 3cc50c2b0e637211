import { Migrator, sql, type Kysely, type Migration } from 'kysely';

/**
 * The event store's schema. Decisions (DESIGN.md):
 * - every event records the id of the transaction that wrote it (`xid8`), so readers can order by
 *   (transaction id, position) and stop at the oldest running transaction: no event is ever skipped;
 * - `streams` holds each stream's version and the hash of its last event, so one statement checks the
 *   expected version and extends the hash chain;
 * - UPDATE, DELETE and TRUNCATE on `events` are rejected by triggers.
 */
const events001: Migration = {
  async up(db) {
    await sql`
      create table streams (
        stream_id text primary key,
        version bigint not null check (version > 0),
        last_hash bytea not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );

      create table events (
        position bigint generated always as identity primary key,
        transaction_id xid8 not null default pg_current_xact_id(),
        id uuid not null,
        stream_id text not null,
        stream_version bigint not null check (stream_version > 0),
        type text not null,
        schema_version integer not null,
        data jsonb not null,
        metadata jsonb not null,
        recorded_at timestamptz not null,
        hash bytea not null,
        unique (stream_id, stream_version)
      );
      create index events_commit_order on events (transaction_id, position);

      create table append_requests (
        idempotency_key text primary key,
        stream_id text not null,
        first_version bigint,
        last_version bigint,
        first_position bigint,
        last_position bigint,
        transaction_id xid8,
        created_at timestamptz not null default now()
      );

      create table projection_checkpoints (
        name text primary key,
        transaction_id xid8 not null default '0',
        position bigint not null default 0,
        updated_at timestamptz not null default now()
      );

      create function panggung_events_are_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'events are append-only: % on events is not allowed', tg_op
          using errcode = 'PN403', hint = 'Append a correcting event instead.';
      end;
      $$;
      create trigger events_no_update_or_delete before update or delete on events
        for each row execute function panggung_events_are_append_only();
      create trigger events_no_truncate before truncate on events
        for each statement execute function panggung_events_are_append_only();
    `.execute(db);

    // One round trip per append: check the expected version, extend the hash chain, insert the events and
    // remember the idempotency key, all in one function call.
    await sql`
      create function panggung_append(
        p_stream_id text,
        p_expected text,
        p_events jsonb,
        p_idempotency_key text
      ) returns table (
        first_version bigint,
        last_version bigint,
        first_position bigint,
        last_position bigint,
        transaction_id text,
        duplicate boolean
      ) language plpgsql as $$
      declare
        v_count integer := jsonb_array_length(p_events);
        v_version bigint;
        v_prev bytea;
        v_new_stream boolean := false;
        v_hashes bytea[] := array[]::bytea[];
        v_first bigint;
        v_last bigint;
        v_request append_requests%rowtype;
      begin
        if p_idempotency_key is not null then
          insert into append_requests (idempotency_key, stream_id)
            values (p_idempotency_key, p_stream_id) on conflict do nothing;
          if not found then
            select * into v_request from append_requests r where r.idempotency_key = p_idempotency_key;
            if v_request.stream_id <> p_stream_id then
              raise exception 'idempotency key % was first used on stream %', p_idempotency_key, v_request.stream_id
                using errcode = 'PN410';
            end if;
            return query select v_request.first_version, v_request.last_version, v_request.first_position,
              v_request.last_position, v_request.transaction_id::text, true;
            return;
          end if;
        end if;

        select s.version, s.last_hash into v_version, v_prev
          from streams s where s.stream_id = p_stream_id for update;
        if not found then
          v_version := 0;
          v_prev := ''::bytea;
          v_new_stream := true;
        end if;

        if (p_expected = 'no_stream' and not v_new_stream)
          or (p_expected = 'exists' and v_new_stream)
          or (p_expected ~ '^[0-9]+$' and v_version <> p_expected::bigint) then
          raise exception 'stream % is at version %, expected %', p_stream_id, v_version, p_expected
            using errcode = 'PN409', detail = v_version::text;
        end if;

        for i in 0 .. v_count - 1 loop
          v_prev := sha256(v_prev || decode(p_events -> i ->> 'contentHash', 'hex')
            || convert_to(p_stream_id || E'\n' || (v_version + i + 1)::text, 'UTF8'));
          v_hashes := v_hashes || v_prev;
        end loop;

        if v_new_stream then
          insert into streams (stream_id, version, last_hash) values (p_stream_id, v_count, v_prev)
            on conflict do nothing;
          if not found then
            raise exception 'stream % was created concurrently', p_stream_id
              using errcode = 'PN409', detail = '';
          end if;
        else
          update streams set version = v_version + v_count, last_hash = v_prev, updated_at = now()
            where stream_id = p_stream_id;
        end if;

        with inserted as (
          insert into events (id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash)
          select (e.value ->> 'id')::uuid, p_stream_id, v_version + e.ord, e.value ->> 'type',
            (e.value ->> 'schemaVersion')::integer, e.value -> 'data', e.value -> 'metadata',
            (e.value -> 'metadata' ->> 'recordedAt')::timestamptz, v_hashes[e.ord]
          from jsonb_array_elements(p_events) with ordinality as e(value, ord)
          order by e.ord
          returning position
        )
        select min(position), max(position) into v_first, v_last from inserted;

        if p_idempotency_key is not null then
          update append_requests set first_version = v_version + 1, last_version = v_version + v_count,
            first_position = v_first, last_position = v_last, transaction_id = pg_current_xact_id()
            where idempotency_key = p_idempotency_key;
        end if;

        -- No NOTIFY here: a notifying transaction holds PostgreSQL's global notify lock from its commit
        -- until its WAL is flushed, which serialised every append (measured: 8 writers no faster than 1).
        -- The store wakes readers after the commit instead (event-store.ts).

        return query select v_version + 1, v_version + v_count, v_first, v_last, pg_current_xact_id()::text, false;
      end;
      $$;
    `.execute(db);
  },
  async down(db) {
    await sql`
      drop function panggung_append(text, text, jsonb, text);
      drop table events;
      drop function panggung_events_are_append_only();
      drop table streams;
      drop table append_requests;
      drop table projection_checkpoints;
    `.execute(db);
  },
};

/**
 * A production's history without scanning everyone's (issue 7): every production-scoped event names its
 * production in `data.productionId`, whatever its stream. Partial (events without one are not indexed),
 * keyed in global commit order so `readProduction` pages through it in index order.
 */
const eventsByProduction: Migration = {
  async up(db) {
    await sql`
      create index events_by_production on events ((data->>'productionId'), transaction_id, position)
        where (data->>'productionId') is not null
    `.execute(db);
  },
  async down(db) {
    await sql`drop index events_by_production`.execute(db);
  },
};

/** Every migration of the event store, in order. Add new ones at the end; never edit a shipped one. */
export const eventStoreMigrations: Record<string, Migration> = {
  '2026_11_26_001_events': events001,
  // Dated after every applied migration (the API's too): Kysely refuses a new one that sorts before them.
  '2026_12_07_110_events_by_production': eventsByProduction,
};

/**
 * Applies every pending migration. Kysely's migrator takes a lock, so several processes may call this
 * at start-up at the same time.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  extra: Record<string, Migration> = {},
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...eventStoreMigrations, ...extra }) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
