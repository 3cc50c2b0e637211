/**
 * Planning benchmark (issue 5): a production schedule of 300 crew, 2,000 shifts and 1,000 tasks.
 * Times conflict detection after one assignment and a critical path recomputation, against the
 * targets (under 50 ms each). Deterministic: the data comes from a seeded generator.
 *
 * Conflicts are timed three ways: `conflictsFor` on a kept index and on the plain list, and the crew
 * domain's own path as the API runs it for `POST /crew/shifts` — fold the production's crew stream
 * (2,000 `ShiftAssigned`), then `decideCrew(AssignShift)` with the organisation's other shifts near the
 * person as its context (what `scheduleContext` reads from the read model).
 *
 * Every figure line reads `<what>, 1 writers: <number> ms` (one caller, nothing else writing); target
 * lines end in PASS or MISS. Run from the repository root: `pnpm bench:planning`.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { CrewShift, Dependency, Department, Shift, Task } from '@panggung/contracts';
import {
  conflictsFor,
  criticalPath,
  decideCrew,
  decideTimeline,
  DEFAULT_CREW_RULES,
  evolveCrew,
  evolveTimeline,
  indexShifts,
  initialCrewState,
  initialTimelineState,
  withShift,
  type CrewEvent,
  type CrewState,
  type ScheduleContext,
  type TimelineEvent,
} from '../src/index.ts';

const CREW = 300;
const SHIFTS = 2_000;
const TASKS = 1_000;
const PRODUCTIONS = 6;
const ASSIGNMENTS = 200;
/** Enough runs that p99 is not simply the slowest one (on a busy machine, one descheduled run). */
const CRITICAL_PATH_RUNS = 500;
const FOLD_RUNS = 200;
const TARGET_MS = 50;
const SEED = 20270314;

/** mulberry32: small, fast and the same sequence for the same seed. */
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
const random = generator(SEED);

const uuid = (kind: number, n: number) =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const departments: Department[] = [
  'sound',
  'lighting',
  'video',
  'stage',
  'rigging',
  'runner',
  'security_liaison',
];
const people = Array.from({ length: CREW }, (_, i) => uuid(1, i));
const productions = Array.from({ length: PRODUCTIONS }, (_, i) => uuid(2, i));
const seasonStart = Date.parse('2027-03-01T00:00:00+07:00');
const HOUR = 3_600_000;

let shiftCounter = 0;
/** A shift of 4–12 h starting on the hour, somewhere in a 45-day season. */
function randomShift(): Shift {
  const start = seasonStart + random.int(0, 45 * 24 - 1) * HOUR;
  const end = start + random.int(4, 12) * HOUR;
  return {
    shiftId: uuid(3, shiftCounter++),
    personId: people[random.int(0, CREW - 1)]!,
    productionId: productions[random.int(0, PRODUCTIONS - 1)]!,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(end).toISOString(),
    location: `Venue ${random.int(1, 4)}`,
    department: departments[random.int(0, departments.length - 1)]!,
  };
}

/** Tasks in phases: each depends on one to three tasks among the fifty before it, as real plans do. */
function randomTimeline(): { tasks: Task[]; dependencies: Dependency[] } {
  const tasks: Task[] = [];
  const dependencies: Dependency[] = [];
  for (let i = 0; i < TASKS; i++) {
    const milestone = random.next() < 0.05;
    tasks.push({
      taskId: uuid(4, i),
      title: `Tugas ${i}`,
      kind: milestone ? 'milestone' : 'task',
      durationMinutes: milestone ? 0 : random.int(1, 80) * 60,
    });
    if (i === 0) continue;
    const predecessors = new Set<number>();
    const count = random.int(1, 3);
    while (predecessors.size < Math.min(count, i)) predecessors.add(random.int(Math.max(0, i - 50), i - 1));
    for (const p of predecessors) dependencies.push({ predecessorId: uuid(4, p), successorId: uuid(4, i) });
  }
  return { tasks, dependencies };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
function time(run: () => void, times: number, warmup = 20): number[] {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return samples;
}
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const ms = (value: number) => (value < 1 ? value.toFixed(3) : value.toFixed(1));
const figure = (what: string, value: number) => console.log(`${what}, 1 writers: ${ms(value)} ms`);
const targets: [string, number][] = [];

console.log(`# Panggung planning benchmark, ${new Date().toISOString()}`);
console.log(`# machine: ${os.availableParallelism()} cores, node ${process.version}, load average ${load()}`);

const metadata = { actor: 'bench', now: '2027-01-04T09:00:00+07:00' };
const shifts = Array.from({ length: SHIFTS }, randomShift);
const { tasks, dependencies } = randomTimeline();
console.log(
  `# data: ${CREW} crew, ${SHIFTS} shifts over ${PRODUCTIONS} productions, ${TASKS} tasks, ${dependencies.length} dependencies, seed ${SEED}`,
);

// Conflicts after one assignment: check the new shift against the kept index, then add it to the index.
let index = indexShifts(shifts);
const candidates = Array.from({ length: ASSIGNMENTS + 20 }, randomShift);
let found = 0;
let k = 0;
const assign = time(() => {
  const shift = candidates[k++]!;
  found += conflictsFor(shift, index, DEFAULT_CREW_RULES).length;
  index = withShift(index, shift);
}, ASSIGNMENTS);
figure('conflicts after one assignment, kept index, p50', percentile(assign, 50));
figure('conflicts after one assignment, kept index, p99', percentile(assign, 99));
targets.push(['conflicts after one assignment p99', percentile(assign, 99)]);
console.log(`# ${found} conflicts found over ${ASSIGNMENTS} assignments`);

// The same from the plain list of shifts (no index kept between requests).
k = 0;
const cold = time(() => void conflictsFor(candidates[k++ % candidates.length]!, shifts), ASSIGNMENTS);
figure('conflicts after one assignment, from the list, p50', percentile(cold, 50));
figure('conflicts after one assignment, from the list, p99', percentile(cold, 99));
const rebuild = time(() => void indexShifts(shifts), 50, 5);
figure('index 2000 shifts by person, p50', percentile(rebuild, 50));

// Critical path of the whole timeline.
let criticalLength = 0;
const cpm = time(
  () => {
    criticalLength = criticalPath(tasks, dependencies, '2027-01-04T09:00:00+07:00').criticalPath.length;
  },
  CRITICAL_PATH_RUNS,
  5,
);
figure('critical path of 1000 tasks, p50', percentile(cpm, 50));
figure('critical path of 1000 tasks, p99', percentile(cpm, 99));
targets.push(['critical path recomputation p99', percentile(cpm, 99)]);
console.log(`# critical path: ${criticalLength} tasks`);

// The cycle check of one more dependency on the full timeline (AddDependency's decide).
const productionId = productions[0]!;
const state = [
  ...tasks.map((task): TimelineEvent => ({ type: 'TaskAdded', data: { productionId, task } })),
  ...dependencies.map((d): TimelineEvent => ({ type: 'DependencyAdded', data: { productionId, ...d } })),
].reduce(evolveTimeline, initialTimelineState);
let refused = 0;
const check = time(
  () => {
    const a = random.int(0, TASKS - 1);
    const b = random.int(0, TASKS - 1);
    try {
      decideTimeline(
        {
          type: 'AddDependency',
          data: { productionId, predecessorId: uuid(4, a), successorId: uuid(4, b) },
          metadata,
        },
        state,
      );
    } catch {
      refused += 1;
    }
  },
  CRITICAL_PATH_RUNS,
  5,
);
figure('cycle check of one more dependency, p50', percentile(check, 50));
console.log(`# ${refused} of ${CRITICAL_PATH_RUNS + 5} random dependencies refused (cycle or self)`);

// Last, as it leaves the most garbage behind (a GC pause would land in the next figure): the crew domain's decide, as the API runs it: the production's stream holds 2,000 shifts (the same
// shapes as above, all of one production) and the context is the person's shifts in the organisation's
// other productions within three days of the new shift (2,000 more, over the other productions).
const ownProduction = productions[0]!;
const DAY = 24 * HOUR;
const asCrewShift = (shift: Shift): CrewShift => ({
  ...shift,
  callAt: new Date(Date.parse(shift.startsAt) - HOUR).toISOString(),
  key: false,
});
const streamEvents = shifts.map((shift): CrewEvent => ({
  type: 'ShiftAssigned',
  data: { productionId: ownProduction, shift: asCrewShift({ ...shift, productionId: ownProduction }) },
}));
const elsewhere = Array.from({ length: SHIFTS }, randomShift).map((shift) => ({
  ...shift,
  productionId: productions[random.int(1, PRODUCTIONS - 1)]!,
}));
let crewState: CrewState = initialCrewState;
const fold = time(
  () => {
    crewState = streamEvents.reduce(evolveCrew, initialCrewState);
  },
  FOLD_RUNS,
  5,
);
figure('fold the crew stream of 2000 shifts, p50', percentile(fold, 50));
figure('fold the crew stream of 2000 shifts, p99', percentile(fold, 99));
/** What `scheduleContext` answers for one shift: the person's other shifts within the 3-day margin. */
const contextOf = (shift: Shift): ScheduleContext => {
  const from = Date.parse(shift.startsAt) - 3 * DAY;
  const until = Date.parse(shift.endsAt) + 3 * DAY;
  return {
    shifts: elsewhere.filter(
      (s) => s.personId === shift.personId && Date.parse(s.startsAt) < until && Date.parse(s.endsAt) > from,
    ),
    unavailable: [],
  };
};
const assignments = Array.from({ length: ASSIGNMENTS + 20 }, () => {
  const shift = asCrewShift({ ...randomShift(), productionId: ownProduction });
  return { shift, context: contextOf(shift) };
});
let refusedShifts = 0;
let overridden = 0;
k = 0;
const decideOne = () => {
  const { shift, context } = assignments[k++ % assignments.length]!;
  const data = { productionId: ownProduction, shift, personIsCrew: true, context };
  try {
    decideCrew({ type: 'AssignShift', data, metadata }, crewState);
  } catch {
    refusedShifts += 1; // ShiftConflictError: the conflicts were all found; now the manager's override
    const [assigned] = decideCrew(
      { type: 'AssignShift', data: { ...data, override: { reason: 'bench' } }, metadata },
      crewState,
    );
    if (assigned?.type === 'ShiftAssigned') overridden += assigned.data.override?.conflicts.length ?? 0;
  }
};
const decided = time(decideOne, ASSIGNMENTS);
figure('decideCrew AssignShift against 2000 shifts, p50', percentile(decided, 50));
figure('decideCrew AssignShift against 2000 shifts, p99', percentile(decided, 99));
console.log(
  `# ${refusedShifts} of ${ASSIGNMENTS + 20} assignments refused with conflicts (${overridden} conflicts, then overridden)`,
);
k = 0;
const folded = time(
  () => {
    crewState = streamEvents.reduce(evolveCrew, initialCrewState);
    decideOne();
  },
  FOLD_RUNS,
  5,
);
figure('fold 2000 shifts + decideCrew AssignShift, p50', percentile(folded, 50));
figure('fold 2000 shifts + decideCrew AssignShift, p99', percentile(folded, 99));
targets.push(['decideCrew AssignShift (with the fold) p99', percentile(folded, 99)]);

for (const [what, value] of targets)
  console.log(
    `target ${what} < ${TARGET_MS} ms, 1 writers: ${ms(value)} ms ${value < TARGET_MS ? 'PASS' : 'MISS'}`,
  );
console.log(`# load average at the end ${load()}`);
