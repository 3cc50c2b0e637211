import type { Timeline, TimelineTask } from '@panggung/contracts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One row of the Gantt chart: where its bar sits, as percentages of the chart's width. */
export interface GanttBar {
  readonly task: TimelineTask;
  /** Start of the bar (earliest start). */
  readonly leftPct: number;
  /** Earliest start to earliest finish; 0 for a milestone (drawn as a diamond at `leftPct`). */
  readonly widthPct: number;
  /** How far it may slip (earliest finish to latest finish), drawn as a faint tail. */
  readonly slackPct: number;
  readonly milestone: boolean;
}

export interface GanttTick {
  readonly at: string;
  readonly leftPct: number;
}

export interface GanttLayout {
  readonly bars: readonly GanttBar[];
  readonly ticks: readonly GanttTick[];
  /** Where `now` falls, when inside the chart. */
  readonly nowPct: number | undefined;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** Tick spacing that gives a handful of ticks over the span: 6 hours, a day, a week or 30 days. */
export function tickStep(spanMs: number): number {
  if (spanMs <= 3 * DAY) return 6 * HOUR;
  if (spanMs <= 21 * DAY) return DAY;
  if (spanMs <= 150 * DAY) return 7 * DAY;
  return 30 * DAY;
}

const clampPct = (value: number) => Math.min(100, Math.max(0, value));

/**
 * The chart from the planning start to the show: bars at their earliest start and finish, slack as a
 * tail, milestones as points, ticks aligned to Jakarta midnight (UTC+7, no daylight saving).
 *
 * @example
 * ganttLayout(timeline).bars[0].leftPct; // 0 for a task on the critical path's first step
 */
export function ganttLayout(timeline: Timeline): GanttLayout {
  const start = Date.parse(timeline.planningStartsAt);
  const end = Math.max(Date.parse(timeline.showStartsAt), start + HOUR);
  const span = end - start;
  const pct = (iso: string) => clampPct(((Date.parse(iso) - start) / span) * 100);
  const bars = timeline.tasks.map((task): GanttBar => {
    const leftPct = pct(task.schedule.earliestStart);
    const finishPct = pct(task.schedule.earliestFinish);
    return {
      task,
      leftPct,
      widthPct: finishPct - leftPct,
      slackPct: pct(task.schedule.latestFinish) - finishPct,
      milestone: task.kind === 'milestone',
    };
  });
  const step = tickStep(span);
  const offset = 7 * HOUR;
  const first = Math.ceil((start + offset) / Math.min(step, DAY)) * Math.min(step, DAY) - offset;
  const ticks: GanttTick[] = [];
  for (let at = first; at <= end && ticks.length < 60; at += step)
    ticks.push({ at: new Date(at).toISOString(), leftPct: ((at - start) / span) * 100 });
  const now = Date.parse(timeline.now);
  return {
    bars,
    ticks,
    nowPct: now >= start && now <= end ? ((now - start) / span) * 100 : undefined,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(end).toISOString(),
  };
}

/** Dependencies as titles, `Kontrak venue → Desain panggung`, in the order they were added. */
export function dependencyRows(timeline: Timeline) {
  const titles = new Map(timeline.tasks.map((t) => [t.taskId, t.title]));
  return timeline.dependencies.map((d) => ({
    ...d,
    from: titles.get(d.predecessorId) ?? d.predecessorId,
    to: titles.get(d.successorId) ?? d.successorId,
  }));
}

/** `2 h 30 min`, `3 d 4 h`: durations and slack for people (unit words from the caller). */
export function formatMinutes(minutes: number, units: { d: string; h: string; min: string }): string {
  if (minutes === 0) return `0 ${units.min}`;
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d && `${d} ${units.d}`, h && `${h} ${units.h}`, m && `${m} ${units.min}`].filter(Boolean).join(' ');
}

/** Counts for the summary line: overdue and at-risk tasks, and the critical ones. */
export function healthCounts(timeline: Timeline) {
  let overdue = 0;
  let atRisk = 0;
  for (const t of timeline.tasks) {
    if (t.health === 'overdue') overdue++;
    if (t.health === 'at_risk') atRisk++;
  }
  return { overdue, atRisk, critical: timeline.criticalPath.length };
}
