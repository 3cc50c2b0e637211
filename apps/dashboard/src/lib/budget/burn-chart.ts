import type { BudgetBurnPoint } from '@panggung/contracts';

export interface BurnChartSize {
  readonly width: number;
  readonly height: number;
  /** Room for the axis labels. */
  readonly padding: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
  };
}

export const DEFAULT_BURN_SIZE: BurnChartSize = {
  width: 640,
  height: 240,
  padding: { top: 16, right: 16, bottom: 28, left: 16 },
};

export interface BurnChartLayout {
  /** SVG path data of the cumulative committed line (steps: a figure holds until the next day it changes). */
  readonly committedPath: string;
  readonly actualPath: string;
  /** y of the estimate's reference line, undefined when there is no estimate. */
  readonly estimateY: number | undefined;
  /** The largest value on the y axis (the estimate or the highest figure, whichever is larger). */
  readonly max: number;
  /** First and last day, for the x axis labels. */
  readonly firstDay: string | undefined;
  readonly lastDay: string | undefined;
  /** Points of each day, for markers and the accessible table. */
  readonly points: ReadonlyArray<{ day: string; x: number; committedY: number; actualY: number }>;
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Lays out the burn chart: x by calendar day (gaps between days keep their length), y from 0 to the
 * larger of the estimate and the highest figure, as step lines (cumulative figures hold between days).
 * Pure, so it is tested without a browser.
 *
 * @example
 * const layout = burnChartLayout(burn.points, burn.estimate);
 * // <path d={layout.committedPath} />
 */
export function burnChartLayout(
  points: readonly BudgetBurnPoint[],
  estimate: number,
  size: BurnChartSize = DEFAULT_BURN_SIZE,
): BurnChartLayout {
  const { width, height, padding } = size;
  const innerW = width - padding.left - padding.right;
  const innerH = height - padding.top - padding.bottom;
  const max = Math.max(estimate, ...points.map((p) => Math.max(p.committed, p.actual)), 1);
  const y = (value: number) => round(padding.top + innerH - (value / max) * innerH);
  const first = points[0];
  const last = points.at(-1);
  const span = first && last ? dayNumber(last.day) - dayNumber(first.day) : 0;
  const x = (day: string) =>
    round(padding.left + (span === 0 ? innerW : ((dayNumber(day) - dayNumber(first!.day)) / span) * innerW));
  const laid = points.map((p) => ({
    day: p.day,
    x: x(p.day),
    committedY: y(p.committed),
    actualY: y(p.actual),
  }));
  const step = (key: 'committedY' | 'actualY') =>
    laid.length === 0
      ? ''
      : laid.reduce((path, p) => `${path} H${p.x} V${p[key]}`, `M${padding.left} ${y(0)}`);
  return {
    committedPath: step('committedY'),
    actualPath: step('actualY'),
    estimateY: estimate > 0 ? y(estimate) : undefined,
    max,
    firstDay: first?.day,
    lastDay: last?.day,
    points: laid,
  };
}
