import { describe, expect, it } from 'vitest';
import { burnChartLayout, type BurnChartSize } from './burn-chart.ts';

const size: BurnChartSize = { width: 110, height: 110, padding: { top: 5, right: 5, bottom: 5, left: 5 } };

describe('burnChartLayout', () => {
  it('scales days along x and amounts up to the estimate along y, as step lines', () => {
    const layout = burnChartLayout(
      [
        { day: '2027-01-01', committed: 50, actual: 0 },
        { day: '2027-01-11', committed: 100, actual: 25 },
      ],
      200,
      size,
    );
    expect(layout.max).toBe(200);
    expect(layout.estimateY).toBe(5);
    expect(layout.points).toEqual([
      { day: '2027-01-01', x: 5, committedY: 80, actualY: 105 },
      { day: '2027-01-11', x: 105, committedY: 55, actualY: 92.5 },
    ]);
    expect(layout.committedPath).toBe('M5 105 H5 V80 H105 V55');
    expect(layout.actualPath).toBe('M5 105 H5 V105 H105 V92.5');
    expect([layout.firstDay, layout.lastDay]).toEqual(['2027-01-01', '2027-01-11']);
  });
  it('grows the y axis past the estimate when a figure overruns it', () => {
    const layout = burnChartLayout([{ day: '2027-01-01', committed: 400, actual: 0 }], 200, size);
    expect(layout.max).toBe(400);
    expect(layout.estimateY).toBe(55);
    // one day only: it sits at the right edge
    expect(layout.points[0]!.x).toBe(105);
  });
  it('draws nothing without points, and no estimate line without an estimate', () => {
    const layout = burnChartLayout([], 0, size);
    expect(layout).toMatchObject({ committedPath: '', actualPath: '', estimateY: undefined, points: [] });
  });
});
