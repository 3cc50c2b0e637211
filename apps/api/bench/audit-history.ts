/**
 * The audit benchmark's long history (`audit.bench.ts`): events appended to one production through the
 * store, each decided by the domain's own `decide` from the stream's state folded in memory (nothing here
 * makes an event by hand), a page of `PAGE` events at a time.
 *
 * - `mix` (default): what a production's history looks like, per 100 events about 40 budget estimates,
 *   2 payments (until `PAYMENTS_MAX`, a production's worth) and now and then an approved overrun, 18
 *   timeline changes (tasks added, renamed, handed over, started, completed, done ones removed, a few
 *   dependencies), 15 crew changes (shifts assigned, rescheduled, removed, call sheets republished) and
 *   25 comments (posts, replies, mentions, edits, deletions). Entities stay bounded (at most `TASKS`
 *   tasks, `SHIFTS` shifts, the latest `COMMENTS_KEPT` comments kept in the deciding state;
 *   one shift per person and day, so the rest rules see no conflicts): a long
 *   history is many edits of a production's things, not a million of them, and the domain's `evolve`
 *   functions copy their maps per event. The page's events are appended per stream in four slices, so
 *   the streams interleave in the log.
 * - `budget`: budget estimates only, across every category (the benchmark's first history).
 */
import { randomUUID } from 'node:crypto';
import type { Department, Role, VendorCategory } from '@panggung/contracts';
import {
  decideBudget,
  decideComments,
  decideCrew,
  decideTimeline,
  DomainError,
  evolveBudget,
  evolveComments,
  evolveCrew,
  evolveTimeline,
  initialBudgetState,
  initialCommentsState,
  initialCrewState,
  initialTimelineState,
  crewShifts,
  shiftDay,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
  type CommentCommand,
  type CommentEvent,
  type CommentsState,
  type CrewCommand,
  type CrewEvent,
  type CrewState,
  type MentionableMember,
  type TimelineCommand,
  type TimelineEvent,
  type TimelineState,
} from '@panggung/domain';
import type { EventStore, NewEvent } from '@panggung/event-store';
import type { Database } from '../src/schema/tables.ts';

export type HistoryMix = 'mix' | 'budget';

const PAGE = 5_000;
const SLICES = 4;
const CATEGORIES: readonly VendorCategory[] = ['venue', 'sound', 'lighting', 'catering', 'security'];
const DEPARTMENTS: readonly Department[] = ['sound', 'lighting', 'video', 'stage'];
const TASKS = 250;
const SHIFTS = 200;
const COMMENTS_KEPT = 100;
const PAYMENTS_MAX = 2_000;
const HOUR = 3_600_000;

/** A small seeded generator (mulberry32): the same history on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One stream: its state folded in memory, its version, and the events decided for the current slice. */
class Stream<C, E extends { type: string; data: object }, S> {
  pending: E[] = [];
  version = 0n;
  refused = 0;
  constructor(
    readonly id: string,
    public state: S,
    private readonly decide: (command: C, state: S) => E[],
    private readonly evolve: (state: S, event: E) => S,
    private readonly actor: string,
  ) {}

  async load(store: EventStore<Database>): Promise<this> {
    const history = await store.readStream(this.id);
    for (const event of history) this.state = this.evolve(this.state, event as unknown as E);
    this.version = BigInt(history.length);
    return this;
  }

  /** Decides `command` (with metadata) against the state; a refusal (a domain error) decides nothing. */
  run(command: Omit<C, 'metadata'>, now: string): number {
    let events: E[];
    try {
      events = this.decide({ ...command, metadata: { actor: this.actor, now } } as C, this.state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.refused++;
      return 0;
    }
    for (const event of events) {
      this.state = this.evolve(this.state, event);
      this.pending.push(event);
    }
    return events.length;
  }

  async flush(store: EventStore<Database>): Promise<void> {
    if (this.pending.length === 0) return;
    const batch: NewEvent[] = this.pending.map((event) => ({ type: event.type, data: event.data as never }));
    this.pending = [];
    const result = await store.append(this.id, this.version, batch, {
      metadata: { actor: this.actor, correlationId: randomUUID(), causationId: null },
    });
    this.version = result.nextExpectedVersion;
  }
}

/** The production's members and their roles, from its own stream (the read models are not built yet). */
async function membersOf(store: EventStore<Database>, productionId: string): Promise<MentionableMember[]> {
  const roles = new Map<string, Role[]>();
  for (const event of await store.readStream(`production-${productionId}`)) {
    const data = event.data as { personId?: string; role?: Role };
    if (!data.personId || !data.role) continue;
    const held = roles.get(data.personId) ?? [];
    if (event.type === 'MemberAdded' && !held.includes(data.role)) held.push(data.role);
    if (event.type === 'MemberRemoved') held.splice(held.indexOf(data.role) >>> 0, 1);
    roles.set(data.personId, held);
  }
  return [...roles]
    .filter(([, held]) => held.length > 0)
    .map(([personId, held]) => ({ personId, name: personId, roles: held }));
}

/**
 * Appends `count` events to `productionId`'s streams (`mix`) or its budget only (`budget`), `actorId`
 * (a production manager) acting. Returns the refused commands per stream, for the log.
 */
export async function generateHistory(
  store: EventStore<Database>,
  options: {
    productionId: string;
    actorId: string;
    count: number;
    mix: HistoryMix;
    onProgress?: (written: number) => void;
  },
): Promise<Record<string, number>> {
  const { productionId: p, count } = options;
  const actor = `person:${options.actorId}`;
  const rnd = random(7_919);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const budget = await new Stream<BudgetCommand, BudgetEvent, BudgetState>(
    `budget-${p}`,
    initialBudgetState,
    decideBudget,
    evolveBudget,
    options.mix === 'budget' ? 'system:bench' : actor,
  ).load(store);
  const timeline = await new Stream<TimelineCommand, TimelineEvent, TimelineState>(
    `timeline-${p}`,
    initialTimelineState,
    decideTimeline,
    evolveTimeline,
    actor,
  ).load(store);
  const crew = await new Stream<CrewCommand, CrewEvent, CrewState>(
    `crew-${p}`,
    initialCrewState,
    decideCrew,
    evolveCrew,
    actor,
  ).load(store);
  const comments = await new Stream<CommentCommand, CommentEvent, CommentsState>(
    `comments-${p}`,
    initialCommentsState,
    decideComments,
    evolveComments,
    actor,
  ).load(store);
  const streams = [budget, timeline, crew, comments];

  const members = await membersOf(store, p);
  const internal = members.filter((m) =>
    m.roles.some((role) => role !== 'client' && role !== 'vendor' && role !== 'org_admin'),
  );
  const crewMembers = internal.filter((m) => m.roles.includes('crew'));
  const owners = internal.map((m) => m.personId);
  const finance = members.find((m) => m.roles.includes('finance_approver'));
  const start = Date.parse('2027-01-05T01:00:00Z');
  let clock = Date.parse('2026-09-01T02:00:00Z');
  let step = 0;
  let payments = 0;

  const estimate = () => {
    const category = CATEGORIES[step % CATEGORIES.length]!;
    // Estimates that wander around Rp 100–400 million, so alerts are raised now and then too.
    const value = 100_000_000 + ((step * 7_919) % 300) * 1_000_000;
    return budget.run(
      { type: 'SetBudgetEstimate', data: { productionId: p, category, estimate: value } },
      now(),
    );
  };
  const now = () => new Date((clock += 7_000)).toISOString();

  const budgetChange = (): number => {
    const r = rnd();
    if (r < 0.05 && payments < PAYMENTS_MAX) {
      payments++;
      const amount = (1 + Math.floor(rnd() * 40)) * 2_500_000;
      return budget.run(
        {
          type: 'RecordPayment',
          data: {
            productionId: p,
            category: pick(CATEGORIES),
            paymentId: randomUUID(),
            amount,
            paidOn: now().slice(0, 10),
          },
        },
        now(),
      );
    }
    if (r < 0.06 && finance)
      return budget.run(
        {
          type: 'ApproveBudgetOverrun',
          data: {
            productionId: p,
            category: pick(CATEGORIES),
            reason: 'Disetujui: harga vendor naik',
            approver: { personId: finance.personId, roles: finance.roles },
          },
        },
        now(),
      );
    return estimate();
  };

  const timelineChange = (): number => {
    const state = timeline.state;
    const tasks = state.status === 'planning' ? [...state.tasks.values()] : [];
    const progress = state.status === 'planning' ? state.progress : new Map();
    const r = rnd();
    if (tasks.length < TASKS && (r < 0.25 || tasks.length < 20))
      return timeline.run(
        {
          type: 'AddTask',
          data: {
            productionId: p,
            task: {
              taskId: randomUUID(),
              title: `Persiapan ${step}`,
              kind: 'task',
              durationMinutes: 60 * (1 + (step % 8)),
              ...(rnd() < 0.8 ? { ownerId: pick(owners) } : {}),
            },
          },
        },
        now(),
      );
    const done = tasks.filter((task) => progress.get(task.taskId)?.status === 'done');
    if (tasks.length >= TASKS && done.length > 0 && r < 0.3)
      return timeline.run(
        { type: 'RemoveTask', data: { productionId: p, taskId: pick(done).taskId } },
        now(),
      );
    const open = tasks.filter((task) => progress.get(task.taskId)?.status !== 'done');
    if (open.length === 0) return 0;
    const task = pick(open);
    if (r < 0.55) {
      const changes =
        rnd() < 0.5
          ? { ownerId: pick(owners) }
          : rnd() < 0.5
            ? { title: `${task.title.split(' (')[0]} (rev ${step})` }
            : { durationMinutes: 30 * (1 + (step % 12)) };
      return timeline.run(
        { type: 'UpdateTask', data: { productionId: p, taskId: task.taskId, changes } },
        now(),
      );
    }
    if (r < 0.6 && open.length > 1) {
      const other = pick(open);
      return timeline.run(
        {
          type: 'AddDependency',
          data: { productionId: p, predecessorId: task.taskId, successorId: other.taskId },
        },
        now(),
      );
    }
    if (r < 0.82 && !progress.has(task.taskId))
      return timeline.run({ type: 'StartTask', data: { productionId: p, taskId: task.taskId } }, now());
    return timeline.run({ type: 'CompleteTask', data: { productionId: p, taskId: task.taskId } }, now());
  };

  // One shift per person and day, between 08:00 and 22:00 WIB: the rest rules see no conflict (a long
  // history of conflicting shifts would be a long history of overrides).
  const DAYS = 90;
  const slots = new Map<string, string>();
  for (const shift of crewShifts(crew.state))
    slots.set(`${shift.personId}/${shiftDay(shift)}`, shift.shiftId);
  const freeSlot = (personId: string) => {
    for (let tries = 0; tries < 10; tries++) {
      const startsAt = start + Math.floor(rnd() * DAYS) * 24 * HOUR + Math.floor(rnd() * 4) * HOUR;
      const times = {
        callAt: new Date(startsAt - HOUR).toISOString(),
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + (4 + Math.floor(rnd() * 6)) * HOUR).toISOString(),
      };
      if (!slots.has(`${personId}/${shiftDay(times)}`)) return times;
    }
    return undefined;
  };
  const crewChange = (): number => {
    const shifts = crewShifts(crew.state);
    const r = rnd();
    const context = { shifts: [], unavailable: [] };
    if (r < 0.03 && shifts.length > 0)
      return crew.run(
        { type: 'PublishCallSheet', data: { productionId: p, day: shiftDay(pick(shifts)) } },
        now(),
      );
    if (shifts.length < SHIFTS && (r < 0.35 || shifts.length < 20) && crewMembers.length > 0) {
      const member = pick(crewMembers);
      const times = freeSlot(member.personId);
      if (!times) return 0;
      const shiftId = randomUUID();
      const decided = crew.run(
        {
          type: 'AssignShift',
          data: {
            productionId: p,
            shift: {
              shiftId,
              productionId: p,
              personId: member.personId,
              department: pick(DEPARTMENTS),
              key: rnd() < 0.2,
              location: 'Lapangan Banteng',
              ...times,
            },
            personIsCrew: true,
            context,
          },
        },
        now(),
      );
      if (decided > 0) slots.set(`${member.personId}/${shiftDay(times)}`, shiftId);
      return decided;
    }
    if (shifts.length === 0) return 0;
    const shift = pick(shifts);
    const slot = `${shift.personId}/${shiftDay(shift)}`;
    if (r < 0.5 && shifts.length >= SHIFTS * 0.9) {
      const decided = crew.run(
        { type: 'RemoveShift', data: { productionId: p, shiftId: shift.shiftId } },
        now(),
      );
      if (decided > 0) slots.delete(slot);
      return decided;
    }
    const times = freeSlot(shift.personId);
    if (!times) return 0;
    const decided = crew.run(
      { type: 'RescheduleShift', data: { productionId: p, shiftId: shift.shiftId, ...times, context } },
      now(),
    );
    if (decided > 0) {
      slots.delete(slot);
      slots.set(`${shift.personId}/${shiftDay(times)}`, shift.shiftId);
    }
    return decided;
  };

  let latest: string[] = [];
  const commentChange = (): number => {
    // Only the latest comments stay in the deciding state (`COMMENTS_KEPT`): replies and edits are recent.
    if (comments.state.comments.size > 2 * COMMENTS_KEPT)
      comments.state = { comments: new Map([...comments.state.comments].slice(-COMMENTS_KEPT)) };
    if (latest.length > 2 * COMMENTS_KEPT) latest = latest.slice(-COMMENTS_KEPT);
    const author = pick(internal);
    const writing = {
      productionId: p,
      author: { personId: author.personId, roles: author.roles },
      audience: { client: false },
    };
    const r = rnd();
    const mine = () => {
      for (let tries = 0; tries < 5 && latest.length > 0; tries++) {
        const id = pick(latest);
        const comment = comments.state.comments.get(id);
        if (comment && !comment.deleted) return { id, comment };
      }
      return undefined;
    };
    if (r < 0.08) {
      const own = mine();
      if (!own) return 0;
      const who = {
        personId: own.comment.authorId,
        roles: internal.find((m) => m.personId === own.comment.authorId)?.roles ?? [],
      };
      if (r < 0.02)
        return comments.run(
          { type: 'DeleteComment', data: { ...writing, author: who, commentId: own.id } },
          now(),
        );
      const mentions = rnd() < 0.5 ? [pick(internal).personId] : [];
      return comments.run(
        {
          type: 'EditComment',
          data: {
            ...writing,
            author: who,
            commentId: own.id,
            text: `Catatan ${step} (diralat)`,
            mentions,
            members,
          },
        },
        now(),
      );
    }
    const commentId = randomUUID();
    const parent = r < 0.4 ? mine() : undefined;
    const mentions = rnd() < 0.15 ? [pick(internal).personId] : [];
    const decided = comments.run(
      {
        type: 'PostComment',
        data: {
          ...writing,
          commentId,
          item: parent ? parent.comment.item : { kind: 'production', id: p },
          ...(parent ? { parentId: parent.id } : {}),
          text: `Catatan ${step}: cek ulang jadwal dan anggaran`,
          mentions,
          members,
        },
      },
      now(),
    );
    if (decided > 0) latest.push(commentId);
    return decided;
  };

  const changes: readonly [number, () => number][] = [
    [0.42, budgetChange],
    [0.6, timelineChange],
    [0.75, crewChange],
    [1, commentChange],
  ];
  let written = 0;
  while (written < count) {
    const page = Math.min(PAGE, count - written);
    let decided = 0;
    for (let slice = 0; slice < SLICES && decided < page; slice++) {
      const upTo = slice === SLICES - 1 ? page : Math.round(((slice + 1) * page) / SLICES);
      while (decided < upTo) {
        step++;
        if (options.mix === 'budget') decided += estimate();
        else {
          const r = rnd();
          decided += changes.find(([upper]) => r < upper)![1]();
        }
      }
      for (const stream of streams) await stream.flush(store);
    }
    written += decided;
    options.onProgress?.(written);
  }
  return Object.fromEntries(streams.map((stream) => [stream.id.split('-')[0]!, stream.refused]));
}
