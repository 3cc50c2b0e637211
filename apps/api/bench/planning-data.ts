/**
 * The planning benchmark's production, written straight to the event store: 300 crew registered in the
 * demo organisation and added to one new production, 1,000 tasks with about 2,000 finish-to-start
 * dependencies, 2,000 shifts, budget estimates and a few published call sheets. Every event comes from
 * the domain's own `decide` (each command decided against the state folded so far, as `handleCommand`
 * would), appended in batches per stream rather than one request per command, so setting up takes
 * seconds instead of minutes. Deterministic: fixed ids, a seeded generator.
 */
import type { Department, VendorCategory } from '@panggung/contracts';
import {
  BUDGET_EVENT_TYPES,
  budgetStream,
  CREW_EVENT_TYPES,
  crewStream,
  decideBudget,
  decideCrew,
  decideOrganisation,
  decideProduction,
  decideTimeline,
  evolveBudget,
  evolveCrew,
  evolveOrganisation,
  evolveProduction,
  evolveTimeline,
  initialBudgetState,
  initialCrewState,
  initialOrganisationState,
  initialProductionState,
  initialTimelineState,
  ORGANISATION_EVENT_TYPES,
  organisationStream,
  PRODUCTION_EVENT_TYPES,
  productionStream,
  TIMELINE_EVENT_TYPES,
  timelineStream,
} from '@panggung/domain';
import type { Checkpoint, EventStore, JsonObject } from '@panggung/event-store';
import type { Decider } from '../src/commands/handle-command.ts';
import type { Database } from '../src/schema/tables.ts';
import { DEMO } from '../src/seed/demo-ids.ts';

export const CREW = 300;
export const SHIFTS = 2_000;
export const TASKS = 1_000;
/** Call sheets published (the crew page loads each published day's sheet after the schedule). */
export const PUBLISHED_DAYS = 3;
const BATCH = 1_000;
const SEED = 20270620;

export const PLANNING_PRODUCTION_ID = '6a1f0c2e-0000-4000-8000-0000000b3c01';
export const SHOW_DAY = '2027-06-20';
/** Shifts run on the seven days up to the show, 08:00–16:00 WIB give or take three hours. */
const FIRST_SHIFT_DAY = Date.parse('2027-06-14T00:00:00+07:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const uuid = (kind: number, n: number) =>
  `6a1f0c2e-${kind.toString(16).padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const crewPersonId = (i: number): string => uuid(0xb1, i);
const DEPARTMENTS: Department[] = ['sound', 'lighting', 'video', 'stage', 'rigging', 'power', 'runner'];
export const departmentOf = (i: number): Department => DEPARTMENTS[i % DEPARTMENTS.length]!;
const CATEGORIES: VendorCategory[] = ['sound', 'lighting', 'staging', 'led_screens', 'catering'];

/** mulberry32, as the domain's planning bench. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

/**
 * Decides `commands` in turn on `streamId` (each against the state the previous ones left) and appends
 * the events in batches at the stream's version: the same events `handleCommand` would write one by one.
 */
async function decideAndAppend<C, E extends { type: string; data: object }, S>(
  store: EventStore<Database>,
  streamId: string,
  decider: Decider<C, E, S>,
  commands: readonly C[],
  productionId?: string,
): Promise<{ events: number; checkpoint: Checkpoint | undefined }> {
  const stored = await store.readStream(streamId, { limit: 100_000 });
  let state = stored
    .filter((event) => decider.eventTypes.has(event.type))
    .reduce(
      (s, event) => decider.evolve(s, { type: event.type, data: event.data } as unknown as E),
      decider.initial,
    );
  const events: E[] = [];
  for (const command of commands)
    for (const event of decider.decide(command, state)) {
      state = decider.evolve(state, event);
      events.push(event);
    }
  let version = BigInt(stored.length);
  let checkpoint: Checkpoint | undefined;
  const metadata = { actor: `person:${DEMO.people.manager}`, ...(productionId ? { productionId } : {}) };
  for (let i = 0; i < events.length; i += BATCH) {
    const result = await store.append(
      streamId,
      version,
      events.slice(i, i + BATCH).map((event) => ({ type: event.type, data: event.data as JsonObject })),
      { metadata },
    );
    version = result.nextExpectedVersion;
    checkpoint = { transactionId: result.transactionId, position: result.lastPosition };
  }
  return { events: events.length, checkpoint };
}

const decider = <C, E, S>(
  decide: (command: C, state: S) => E[],
  evolve: (state: S, event: E) => S,
  initial: S,
  eventTypes: ReadonlySet<string>,
): Decider<C, E, S> => ({ decide, evolve, initial, eventTypes });

export interface PlanningData {
  readonly events: number;
  /** The last append's place: wait for the read models to reach it. */
  readonly checkpoint: Checkpoint | undefined;
  readonly dependencies: number;
}

/** Writes the planning production; the demo organisation and its manager must exist (seedDemo). */
export async function writePlanningProduction(store: EventStore<Database>): Promise<PlanningData> {
  const random = generator(SEED);
  const productionId = PLANNING_PRODUCTION_ID;
  const organisationId = DEMO.organisationId;
  const metadata = { actor: `person:${DEMO.people.manager}`, now: new Date().toISOString() };
  let events = 0;
  const add = (written: { events: number }) => (events += written.events);

  add(
    await decideAndAppend(
      store,
      organisationStream(organisationId),
      decider(decideOrganisation, evolveOrganisation, initialOrganisationState, ORGANISATION_EVENT_TYPES),
      Array.from({ length: CREW }, (_, i) => ({
        type: 'RegisterPerson' as const,
        data: {
          organisationId,
          personId: crewPersonId(i),
          name: `Kru ${String(i + 1).padStart(3, '0')}`,
          email: `kru${i + 1}@bench.gema.test`,
          locale: 'id' as const,
          organisationRoles: [],
        },
        metadata,
      })),
    ),
  );

  add(
    await decideAndAppend(
      store,
      productionStream(productionId),
      decider(decideProduction, evolveProduction, initialProductionState, PRODUCTION_EVENT_TYPES),
      [
        {
          type: 'CreateProduction' as const,
          data: {
            productionId,
            organisationId,
            managerId: DEMO.people.manager,
            name: 'Festival Bench Nusantara 2027',
            kind: 'festival' as const,
            venue: { name: 'GBK Madya', address: 'Senayan, Jakarta', city: 'Jakarta', capacity: 20000 },
            startsAt: `${SHOW_DAY}T16:00:00+07:00`,
            endsAt: `${SHOW_DAY}T23:30:00+07:00`,
            clientName: 'PT Bench Sejahtera',
          },
          metadata,
        },
        ...Array.from({ length: CREW }, (_, i) => ({
          type: 'AddMember' as const,
          data: {
            productionId,
            personId: crewPersonId(i),
            role: 'crew' as const,
            department: departmentOf(i),
          },
          metadata,
        })),
      ],
      productionId,
    ),
  );

  add(
    await decideAndAppend(
      store,
      budgetStream(productionId),
      decider(decideBudget, evolveBudget, initialBudgetState, BUDGET_EVENT_TYPES),
      CATEGORIES.map((category, i) => ({
        type: 'SetBudgetEstimate' as const,
        data: { productionId, category, estimate: (i + 1) * 150_000_000 },
        metadata,
      })),
      productionId,
    ),
  );

  // 1,000 tasks, each waiting for one to three of the fifty before it; a milestone every twentieth.
  const taskId = (i: number) => uuid(0xb2, i);
  const timelineCommands = [];
  let dependencies = 0;
  for (let i = 0; i < TASKS; i++) {
    const milestone = i % 20 === 19;
    timelineCommands.push({
      type: 'AddTask' as const,
      data: {
        productionId,
        task: {
          taskId: taskId(i),
          title: `${milestone ? 'Milestone' : 'Tugas'} ${i + 1}`,
          kind: milestone ? ('milestone' as const) : ('task' as const),
          ownerId: crewPersonId(random.int(0, CREW - 1)),
          durationMinutes: milestone ? 0 : random.int(1, 16) * 60,
          ...(milestone
            ? { dueAt: new Date(Date.parse(`${SHOW_DAY}T09:00:00+07:00`) - (TASKS - i) * HOUR).toISOString() }
            : {}),
        },
      },
      metadata,
    });
    const predecessors = new Set<number>();
    const count = Math.min(random.int(1, 3), i);
    while (predecessors.size < count) predecessors.add(random.int(Math.max(0, i - 50), i - 1));
    for (const p of predecessors) {
      dependencies++;
      timelineCommands.push({
        type: 'AddDependency' as const,
        data: { productionId, predecessorId: taskId(p), successorId: taskId(i) },
        metadata,
      });
    }
  }
  add(
    await decideAndAppend(
      store,
      timelineStream(productionId),
      decider(decideTimeline, evolveTimeline, initialTimelineState, TIMELINE_EVENT_TYPES),
      timelineCommands,
      productionId,
    ),
  );

  // 2,000 shifts: person k % 300 on day ⌊k / 300⌋, so no one is booked twice a day and the rest between
  // days stays over ten hours: every assignment passes the conflict check (which still runs in full).
  const crewCommands = [];
  for (let k = 0; k < SHIFTS; k++) {
    const person = k % CREW;
    const start = FIRST_SHIFT_DAY + Math.floor(k / CREW) * DAY + (5 + random.int(0, 3)) * HOUR;
    crewCommands.push({
      type: 'AssignShift' as const,
      data: {
        productionId,
        shift: {
          shiftId: uuid(0xb3, k),
          productionId,
          personId: crewPersonId(person),
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + 8 * HOUR).toISOString(),
          callAt: new Date(start - HOUR).toISOString(),
          location: `Panggung ${(person % 3) + 1}`,
          department: departmentOf(person),
          key: person % 25 === 0,
        },
        personIsCrew: true,
        context: { shifts: [], unavailable: [] },
      },
      metadata,
    });
  }
  for (let d = 0; d < PUBLISHED_DAYS; d++)
    crewCommands.push({
      type: 'PublishCallSheet' as const,
      data: { productionId, day: new Date(FIRST_SHIFT_DAY + d * DAY + 7 * HOUR).toISOString().slice(0, 10) },
      metadata,
    });
  const crew = await decideAndAppend(
    store,
    crewStream(productionId),
    decider(decideCrew, evolveCrew, initialCrewState, CREW_EVENT_TYPES),
    crewCommands,
    productionId,
  );
  add(crew);
  return { events, checkpoint: crew.checkpoint, dependencies };
}

/** A shift on a free day (after the seeded week) for the `i`th crew member: it conflicts with nothing. */
export function freeShift(i: number): {
  personId: string;
  startsAt: string;
  endsAt: string;
  callAt: string;
  location: string;
  department: Department;
  key: boolean;
} {
  const person = i % CREW;
  const start = FIRST_SHIFT_DAY + (8 + Math.floor(i / CREW)) * DAY + 2 * HOUR;
  return {
    personId: crewPersonId(person),
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 8 * HOUR).toISOString(),
    callAt: new Date(start - HOUR).toISOString(),
    location: 'Panggung 1',
    department: departmentOf(person),
    key: false,
  };
}
