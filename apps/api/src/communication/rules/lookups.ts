import type { Role } from '@panggung/contracts';
import type { StoredEvent } from '@panggung/event-store';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../schema/tables.ts';
import type { Roster } from './roster.ts';

/** A member of a production in one role, as `production_members` holds it. */
export interface Member {
  readonly personId: string;
  readonly role: Role;
}

/** A person as the rules need them: the name for the text, the company and whether an organisation admin. */
export interface PersonRow {
  readonly name: string;
  readonly partyId: string | null;
  readonly orgAdmin: boolean;
}

/** The authors in a comment thread as the comments read model holds it at the event being handled. */
export interface CommentThreads {
  /** The authors of comment `parentId` and of its replies. */
  authors(parentId: string): readonly string[];
}

/** A stream's events as the rules fold them. */
interface HistoryRow {
  readonly id: string;
  readonly version: bigint;
  readonly type: string;
  readonly data: unknown;
}

/** A stream folded up to a version, and the id of the event at that version (to know it is the same log). */
interface Folded {
  readonly version: bigint;
  readonly lastId: string;
  readonly state: unknown;
}

/** How many folded streams are kept per `evolve` function (the most recently used). */
const KEPT = 200;

/** Per `evolve` function, per stream: the fold as far as a previous call went (this process's). */
const folded = new WeakMap<object, Map<string, Folded>>();

/**
 * What the notification rules read while the communication projection applies one batch of events, each
 * looked up once per batch rather than once per event: a rebuild over a long history is bound by round
 * trips otherwise (apps/api/bench/RESULTS.md, audit benchmark). Rosters and people come from the other
 * projections' read models as they stand when the batch starts (a rule always read them "now", never as
 * of its event: in a rebuild those projections apply the same page first, live they run on their own);
 * comment threads include the comments posted earlier in the same batch; stream histories are read once
 * per stream and batch, up to the batch's last event of the stream.
 */
export class RuleLookups {
  readonly #members = new Map<string, readonly Member[]>();
  readonly #admins = new Map<string, readonly string[]>();
  readonly #people = new Map<string, PersonRow | undefined>();
  /** Per stream (and event types read): the rows read in this batch, from `from` to just before `before`. */
  readonly #histories = new Map<string, { from: bigint; before: bigint; rows: readonly HistoryRow[] }>();
  /** Per stream: the version of its last event in the batch. */
  readonly #lastVersions = new Map<string, bigint>();

  constructor(
    readonly trx: Transaction<Database>,
    events: readonly StoredEvent[],
    readonly threads: CommentThreads,
  ) {
    for (const event of events) {
      const last = this.#lastVersions.get(event.streamId);
      if (last === undefined || event.streamVersion > last)
        this.#lastVersions.set(event.streamId, event.streamVersion);
    }
  }

  /** The production's members, one entry per role held. */
  async members(productionId: string): Promise<readonly Member[]> {
    let members = this.#members.get(productionId);
    if (!members) {
      const rows = await this.trx
        .selectFrom('production_members')
        .select(['person_id', 'role'])
        .where('production_id', '=', productionId)
        .execute();
      members = rows.map((row) => ({ personId: row.person_id, role: row.role as Role }));
      this.#members.set(productionId, members);
    }
    return members;
  }

  /**
   * Who holds which roles in a production: its members, and the organisation's admins (who hold
   * `org_admin` in every production of their organisation). Somebody absent is told nothing about it.
   */
  async roster(productionId: string): Promise<Roster> {
    const members = await this.members(productionId);
    let admins = this.#admins.get(productionId);
    if (!admins) {
      const rows = await this.trx
        .selectFrom('people')
        .innerJoin('productions', 'productions.organisation_id', 'people.organisation_id')
        .select('people.id')
        .where('productions.id', '=', productionId)
        .where(sql<boolean>`'org_admin' = any(people.organisation_roles)`)
        .execute();
      admins = rows.map((row) => row.id);
      this.#admins.set(productionId, admins);
    }
    const roster = new Map<string, Role[]>();
    const add = (personId: string, role: Role) => {
      const held = roster.get(personId) ?? [];
      if (!held.includes(role)) held.push(role);
      roster.set(personId, held);
    };
    for (const member of members) add(member.personId, member.role);
    for (const id of admins) add(id, 'org_admin');
    return roster;
  }

  /** Which of these people are members of the production: nobody outside it hears about its work. */
  async membersAmong(productionId: string, personIds: readonly string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const wanted = new Set(personIds);
    const members = await this.members(productionId);
    return new Set(members.filter((m) => wanted.has(m.personId)).map((m) => m.personId));
  }

  /** People by id (those unknown absent), the ones not seen yet in this batch read in one query. */
  async people(personIds: Iterable<string>): Promise<ReadonlyMap<string, PersonRow>> {
    const ids = [...new Set(personIds)];
    const missing = ids.filter((id) => !this.#people.has(id));
    if (missing.length > 0) {
      const rows = await this.trx
        .selectFrom('people')
        .select([
          'id',
          'name',
          'party_id',
          sql<boolean>`'org_admin' = any(organisation_roles)`.as('org_admin'),
        ])
        .where('id', 'in', missing)
        .execute();
      for (const id of missing) this.#people.set(id, undefined);
      for (const row of rows)
        this.#people.set(row.id, { name: row.name, partyId: row.party_id, orgAdmin: row.org_admin });
    }
    const found = new Map<string, PersonRow>();
    for (const id of ids) {
      const person = this.#people.get(id);
      if (person) found.set(id, person);
    }
    return found;
  }

  /** The name of a person, for a notification's text (undefined for processes such as workflows). */
  async personName(personId: string | undefined): Promise<string | undefined> {
    if (!personId) return undefined;
    return (await this.people([personId])).get(personId)?.name;
  }

  /** People's names in the order given (an unknown id stays as it is), for a notification's text. */
  async peopleNames(personIds: readonly string[]): Promise<string[]> {
    if (personIds.length === 0) return [];
    const people = await this.people(personIds);
    return personIds.map((id) => people.get(id)?.name ?? id);
  }

  /**
   * A stream's state just before `event`, folded from the event store itself. Rules read the history
   * rather than another capability's read model, which may be ahead of or behind the communication
   * projection (during a rebuild, say), so a replay notifies exactly the same people.
   *
   * Events never change, so the fold reached by an earlier call is kept (per process, per stream) and
   * only the events after it are folded: folding the whole stream again for every event made replaying a
   * long timeline quadratic. A kept fold is used only when the event at its version has the id recorded
   * with it (ids are random UUIDs), so another database with the same stream ids never borrows it. The
   * events are read once per stream and batch, up to the batch's last event of that stream.
   */
  async stateBefore<State, Event>(
    event: StoredEvent,
    initial: State,
    evolve: (state: State, event: Event) => State,
    /** Only events of these types change the state (`evolve` returns the state as it is for others). */
    types?: ReadonlySet<string>,
  ): Promise<State> {
    let cache = folded.get(evolve);
    if (!cache) folded.set(evolve, (cache = new Map()));
    const kept = cache.get(event.streamId);
    const known = kept && kept.version < event.streamVersion ? kept : undefined;
    let state = initial;
    let rows = known ? await this.#history(event.streamId, known.version, event.streamVersion, types) : [];
    if (known && rows[0]?.id === known.lastId) {
      state = known.state as State;
      rows = rows.slice(1);
    } else rows = await this.#history(event.streamId, 1n, event.streamVersion, types);
    for (const row of rows) state = evolve(state, { type: row.type, data: row.data } as Event);
    const last = rows.at(-1);
    if (last) {
      cache.delete(event.streamId);
      cache.set(event.streamId, { version: last.version, lastId: last.id, state });
      const oldest = cache.keys().next();
      if (cache.size > KEPT && !oldest.done) cache.delete(oldest.value);
    }
    return state;
  }

  /**
   * The stream's events (of `types` only, if given) from version `from` to just before `before`, read
   * once per batch. A kept fold's last event is of its types, so it is among them.
   */
  async #history(
    streamId: string,
    from: bigint,
    before: bigint,
    types: ReadonlySet<string> | undefined,
  ): Promise<readonly HistoryRow[]> {
    const key = types ? `${streamId}\u0000${[...types].join(',')}` : streamId;
    let read = this.#histories.get(key);
    if (!read || read.from > from || read.before < before) {
      const last = this.#lastVersions.get(streamId) ?? 0n;
      const upTo = last > before ? last : before;
      const rows = await this.trx
        .selectFrom('events')
        .select(['id', 'stream_version', 'type', 'data'])
        .where('stream_id', '=', streamId)
        .where('stream_version', '>=', from.toString())
        .where('stream_version', '<', upTo.toString())
        .$if(types !== undefined, (query) => query.where('type', 'in', [...types!]))
        .orderBy('stream_version')
        .execute();
      read = {
        from,
        before: upTo,
        rows: rows.map((row) => ({
          id: row.id,
          version: BigInt(row.stream_version),
          type: row.type,
          data: row.data,
        })),
      };
      this.#histories.set(key, read);
    }
    const { rows } = read;
    return rows.slice(firstAtLeast(rows, from), firstAtLeast(rows, before));
  }
}

/** The index of the first row at version `version` or later (rows in version order). */
function firstAtLeast(rows: readonly HistoryRow[], version: bigint): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]!.version < version) low = middle + 1;
    else high = middle;
  }
  return low;
}
