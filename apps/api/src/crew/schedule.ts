import type {
  CallSheet,
  CrewMember,
  CrewShift,
  Department,
  Shift,
  ShiftConflict,
  UnavailablePeriod,
} from '@panggung/contracts';
import {
  CREW_EVENT_TYPES,
  crewConflicts,
  crewShiftIndex,
  crewStream,
  currentCalls,
  evolveCrew,
  initialCrewState,
  shiftDay,
  type CrewEvent,
  type CrewState,
  type ScheduleContext,
} from '@panggung/domain';
import type { FastifyInstance } from 'fastify';
import { foldStream } from '../commands/fold-stream.ts';

/** Far enough around a shift to hold every shift that can conflict with it (rest ≤ 48 h, plus a day). */
const MARGIN_MS = 3 * 24 * 60 * 60_000;

const crewFold = { evolve: evolveCrew, initial: initialCrewState, eventTypes: CREW_EVENT_TYPES };

/** The crew stream folded, and its version (only the events since the last load are read). */
export function loadCrew(
  app: FastifyInstance,
  productionId: string,
): Promise<{ state: CrewState; version: number }> {
  return foldStream<CrewEvent, CrewState>(app.store, crewStream(productionId), crewFold);
}

/**
 * The organisation's shifts and unavailable periods of `personIds` between `from` and `until` (widened by
 * the margin), from the read model: two indexed range queries whatever the organisation's size.
 */
export async function scheduleContext(
  app: FastifyInstance,
  organisationId: string,
  personIds: readonly string[],
  from: number,
  until: number,
): Promise<ScheduleContext> {
  if (personIds.length === 0) return { shifts: [], unavailable: [] };
  const start = new Date(from - MARGIN_MS);
  const end = new Date(until + MARGIN_MS);
  const [shifts, periods] = await Promise.all([
    app.store.db
      .selectFrom('crew_shifts')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('person_id', 'in', personIds)
      .where('starts_at', '<', end)
      .where('ends_at', '>', start)
      .execute(),
    app.store.db
      .selectFrom('crew_unavailability')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('person_id', 'in', personIds)
      .where('starts_at', '<', end)
      .where('ends_at', '>', start)
      .execute(),
  ]);
  return {
    shifts: shifts.map((row): Shift => ({
      shiftId: row.shift_id,
      personId: row.person_id,
      productionId: row.production_id,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      location: row.location,
      department: row.department as Department,
      ...(row.role ? { role: row.role } : {}),
    })),
    unavailable: periods.map((row): UnavailablePeriod => ({
      periodId: row.period_id,
      personId: row.person_id,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      ...(row.reason ? { reason: row.reason } : {}),
    })),
  };
}

/** The context of one shift being assigned or moved. */
export function contextFor(
  app: FastifyInstance,
  organisationId: string,
  shift: Pick<Shift, 'personId' | 'startsAt' | 'endsAt'>,
) {
  return scheduleContext(
    app,
    organisationId,
    [shift.personId],
    Date.parse(shift.startsAt),
    Date.parse(shift.endsAt),
  );
}

/** The production's crew members with their names and departments. */
export async function crewMembers(app: FastifyInstance, productionId: string): Promise<CrewMember[]> {
  const rows = await app.store.db
    .selectFrom('production_members')
    .innerJoin('people', 'people.id', 'production_members.person_id')
    .select(['people.id', 'people.name', 'production_members.department'])
    .where('production_members.production_id', '=', productionId)
    .where('production_members.role', '=', 'crew')
    .orderBy('people.name')
    .execute();
  return rows.map((row) => ({
    personId: row.id,
    name: row.name,
    ...(row.department ? { department: row.department as Department } : {}),
  }));
}

export async function peopleNames(
  app: FastifyInstance,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await app.store.db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(personIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Every shift's conflicts now, against the whole organisation's schedule. */
export async function conflictsNow(
  app: FastifyInstance,
  organisationId: string,
  state: CrewState,
  shifts: readonly CrewShift[],
): Promise<Map<string, ShiftConflict[]>> {
  const result = new Map<string, ShiftConflict[]>();
  if (shifts.length === 0) return result;
  const starts = shifts.map((s) => Date.parse(s.startsAt));
  const ends = shifts.map((s) => Date.parse(s.endsAt));
  const context = await scheduleContext(
    app,
    organisationId,
    [...new Set(shifts.map((s) => s.personId))],
    Math.min(...starts),
    Math.max(...ends),
  );
  // One index for all of them: the shifts are all of one production, so they share what they are checked against.
  const index = crewShiftIndex(state, context, shifts[0]!.productionId);
  for (const shift of shifts) result.set(shift.shiftId, crewConflicts(state, shift, context, index));
  return result;
}

/** One day's call sheet: the published snapshot (or, never published, the draft) and the acknowledgements. */
export async function callSheetView(
  app: FastifyInstance,
  productionId: string,
  state: CrewState,
  day: string,
): Promise<CallSheet> {
  const published = state.days[day];
  const calls = published ? [...published.calls] : currentCalls(state, day);
  const names = await peopleNames(
    app,
    calls.map((call) => call.personId),
  );
  const people = [...new Set(calls.map((call) => call.personId))];
  return {
    productionId,
    day,
    status: !published ? 'draft' : published.changed ? 'changed' : 'published',
    version: published?.version ?? 0,
    ...(published ? { publishedAt: published.publishedAt } : {}),
    calls,
    acknowledgements: people.map((personId) => ({
      personId,
      name: names.get(personId) ?? personId,
      key: calls.some((call) => call.personId === personId && call.key),
      acknowledged: published?.acknowledged.includes(personId) ?? false,
      reminded: published?.reminded.includes(personId) ?? false,
      escalated: published?.escalated.includes(personId) ?? false,
    })),
  };
}

export { shiftDay };
