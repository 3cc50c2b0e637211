import type { ShowDepartment, ShowView } from '@panggung/contracts';
import {
  evolveShow,
  initialShowState,
  SHOW_EVENT_TYPES,
  showTiming,
  type ShowEvent,
  type ShowState,
} from '@panggung/domain';

/** The speeds a replay offers: as it happened, ten times and sixty times faster (a minute a second). */
export const REPLAY_SPEEDS = [1, 10, 60] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/**
 * One recorded event of a show day as the history answers it: the show stream's events, incidents and
 * check-ins, their data already filtered for the viewer. `recordedAt` is when the store took it.
 */
export interface RecordedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly recordedAt: string;
}

/** A recorded event on the replay's time line. */
export interface TimedEvent extends RecordedEvent {
  /** When it happened (ms since the epoch): the live command's own `at` when it has one, else when recorded. */
  readonly atMs: number;
}

export interface ReplayRange {
  readonly startMs: number;
  readonly endMs: number;
}

/** When an event happened: live show events carry the instant of the command (`data.at`). */
export function happenedAt(event: RecordedEvent): number {
  const data = event.data;
  if (typeof data === 'object' && data !== null && 'at' in data && typeof data.at === 'string') {
    const at = Date.parse(data.at);
    if (Number.isFinite(at)) return at;
  }
  return Date.parse(event.recordedAt);
}

/**
 * The day's events in the order they happened (a stable sort: events of one instant keep the store's
 * order) and the range they span; undefined range without any event.
 *
 * @example replayTimeline(history.events).range // { startMs: GO of the first cue …, endMs: … }
 */
export function replayTimeline(events: readonly RecordedEvent[]): {
  readonly events: readonly TimedEvent[];
  readonly range: ReplayRange | undefined;
} {
  const timed = events
    .map((event, i) => ({ event: { ...event, atMs: happenedAt(event) }, i }))
    .filter(({ event }) => Number.isFinite(event.atMs))
    .sort((a, b) => a.event.atMs - b.event.atMs || a.i - b.i)
    .map(({ event }) => event);
  const first = timed[0];
  const last = timed.at(-1);
  return { events: timed, range: first && last ? { startMs: first.atMs, endMs: last.atMs } : undefined };
}

/**
 * The replay's clock: a position on the show's time line that moves `speed` times as fast as the wall
 * clock while playing. Pure: every change takes the wall clock's `nowMs`, and the position is computed
 * from the last anchor, so a tick missed by a busy browser does not slow the replay down.
 */
export interface ReplayClock {
  readonly range: ReplayRange;
  readonly speed: ReplaySpeed;
  readonly playing: boolean;
  /** The position when the clock last changed, and the wall clock then. */
  readonly anchorPositionMs: number;
  readonly anchorWallMs: number;
}

const clamp = (range: ReplayRange, positionMs: number) =>
  Math.min(range.endMs, Math.max(range.startMs, positionMs));

/** A paused clock at the start of the range, at 1x. */
export const replayClock = (range: ReplayRange, nowMs: number): ReplayClock => ({
  range,
  speed: 1,
  playing: false,
  anchorPositionMs: range.startMs,
  anchorWallMs: nowMs,
});

/** Where the replay is on the show's time line at wall-clock `nowMs` (never outside the range). */
export function replayPosition(clock: ReplayClock, nowMs: number): number {
  if (!clock.playing) return clock.anchorPositionMs;
  return clamp(clock.range, clock.anchorPositionMs + Math.max(0, nowMs - clock.anchorWallMs) * clock.speed);
}

/** Whether a playing replay has reached the last event (the screen then pauses it). */
export const replayFinished = (clock: ReplayClock, nowMs: number): boolean =>
  replayPosition(clock, nowMs) >= clock.range.endMs;

const anchored = (clock: ReplayClock, nowMs: number, change: Partial<ReplayClock>): ReplayClock => ({
  ...clock,
  anchorPositionMs: replayPosition(clock, nowMs),
  anchorWallMs: nowMs,
  ...change,
});

/** Play from where it is; at the end it starts again from the beginning. */
export function playReplay(clock: ReplayClock, nowMs: number): ReplayClock {
  const restart = replayFinished(clock, nowMs);
  return anchored(clock, nowMs, {
    playing: true,
    ...(restart ? { anchorPositionMs: clock.range.startMs } : {}),
  });
}

export const pauseReplay = (clock: ReplayClock, nowMs: number): ReplayClock =>
  anchored(clock, nowMs, { playing: false });

/** A new speed from the current position (the position does not jump). */
export const setReplaySpeed = (clock: ReplayClock, speed: ReplaySpeed, nowMs: number): ReplayClock =>
  anchored(clock, nowMs, { speed });

/** The scrubber: jump to a position (clamped to the range), playing on if it was playing. */
export const seekReplay = (clock: ReplayClock, positionMs: number, nowMs: number): ReplayClock =>
  anchored(clock, nowMs, { anchorPositionMs: clamp(clock.range, positionMs) });

/** The scrubber's place, 0–100. */
export function replayPercent(clock: ReplayClock, nowMs: number): number {
  const span = clock.range.endMs - clock.range.startMs;
  return span === 0 ? 100 : ((replayPosition(clock, nowMs) - clock.range.startMs) / span) * 100;
}

/** The scrubber's step: a second of the show. */
export const SCRUB_STEP_MS = 1000;

/**
 * The scrubber's top and value. A range input's values lie on whole steps from its minimum, so its top is
 * the end rounded up to a whole step (else the last second of the show could not be reached), and the
 * end itself sits there; seeking past the end stops at it.
 *
 * @example scrubber({ startMs: 0, endMs: 2_500 }, 2_500) // { max: 3_000, value: 3_000 }
 */
export function scrubber(range: ReplayRange, positionMs: number): { max: number; value: number } {
  const max = range.startMs + Math.ceil((range.endMs - range.startMs) / SCRUB_STEP_MS) * SCRUB_STEP_MS;
  return { max, value: positionMs >= range.endMs ? max : positionMs };
}

const isShowEvent = (event: RecordedEvent): event is RecordedEvent & ShowEvent =>
  SHOW_EVENT_TYPES.has(event.type);

/** The events that had happened by `positionMs`. */
export const happenedBy = (events: readonly TimedEvent[], positionMs: number): TimedEvent[] =>
  events.filter((event) => event.atMs <= positionMs);

/**
 * The show as the live screens saw it at `positionMs`: the show stream's events up to then folded by the
 * same `evolveShow` the server uses, timed by the same `showTiming` at that instant. The result is what
 * `GET …/show` answered then, so `showModel(view, positionMs)` drives the day's own views. Undefined
 * before the run was frozen.
 */
export function replayShowView(
  events: readonly TimedEvent[],
  positionMs: number,
  day: {
    readonly productionId: string;
    readonly showDay: string;
    readonly departments: readonly ShowDepartment[];
  },
): ShowView | undefined {
  let state: ShowState = initialShowState;
  for (const event of happenedBy(events, positionMs)) {
    if (isShowEvent(event)) state = evolveShow(state, event);
  }
  if (state.status === 'none') return undefined;
  return {
    productionId: day.productionId,
    showDay: day.showDay,
    run: state.run,
    version: state.version,
    timing: showTiming(state, positionMs),
    departments: [...day.departments],
  };
}

/** Incidents and check-ins that had happened by `positionMs`, the latest first (the replay's feed). */
export const replayFeed = (events: readonly TimedEvent[], positionMs: number): TimedEvent[] =>
  happenedBy(events, positionMs)
    .filter((event) => !SHOW_EVENT_TYPES.has(event.type))
    .reverse();

/** What a feed line is about, for its label. */
export type FeedKind = 'incident' | 'checkin' | 'arrival';
export const feedKind = (type: string): FeedKind =>
  type.startsWith('Incident') ? 'incident' : type === 'VendorArrived' ? 'arrival' : 'checkin';

/** What happened in a feed line, beyond its kind (undefined: a type without a word of its own). */
export type FeedAction = 'logged' | 'assigned' | 'acknowledged' | 'resolved' | 'escalated';
const FEED_ACTIONS: Readonly<Record<string, FeedAction>> = {
  IncidentLogged: 'logged',
  IncidentAssigned: 'assigned',
  IncidentAcknowledged: 'acknowledged',
  IncidentResolved: 'resolved',
  IncidentEscalated: 'escalated',
};
export const feedAction = (type: string): FeedAction | undefined => FEED_ACTIONS[type];

/**
 * The words a feed line carries from its event, as far as the viewer's copy of it holds them: an
 * incident's description and place, a resolution's note, a vendor's note.
 *
 * @example feedDetail({ type: 'IncidentLogged', data: { description: 'Mic putus', location: 'FOH' }, … }) // 'Mic putus (FOH)'
 */
export function feedDetail(event: Pick<RecordedEvent, 'type' | 'data'>): string | undefined {
  if (typeof event.data !== 'object' || event.data === null) return undefined;
  const data = event.data as Record<string, unknown>;
  const text = (key: string) => {
    const value = data[key];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  if (event.type === 'IncidentLogged') {
    const description = text('description');
    const location = text('location');
    return description && location ? `${description} (${location})` : (description ?? location);
  }
  if (event.type === 'IncidentResolved' || event.type === 'VendorArrived') return text('note');
  return undefined;
}
