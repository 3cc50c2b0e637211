import type { CueTiming, RunCue, ShowPosition, ShowView } from '@panggung/contracts';

/** Ids of the three-cue show the unit specs use. */
export const CUE = {
  a: '6a1f0c2e-0000-4000-8000-00000000a001',
  b: '6a1f0c2e-0000-4000-8000-00000000a002',
  c: '6a1f0c2e-0000-4000-8000-00000000a003',
} as const;
const SEGMENT = '6a1f0c2e-0000-4000-8000-00000000a100';

/**
 * A show planned 20:00–20:40 WIB on 14 March 2027 (13:00–13:40Z): A 10 min (hard, 20:00), B 5 min (soft),
 * C 10 min (hard at 20:30, so 15 minutes of slack before it). At 20:08 (`serverTime`) A has run 8 minutes.
 */
export function runningShow(
  over: {
    position?: Partial<ShowPosition>;
    live?: Partial<NonNullable<ShowView['timing']['live']>>;
    cStart?: 'hard' | 'soft';
  } = {},
): ShowView {
  const runCue = (
    cueId: string,
    title: string,
    plannedStart: string,
    minutes: number,
    hard: boolean,
  ): RunCue => ({
    cueId,
    segmentId: SEGMENT,
    segmentTitle: 'Pembukaan',
    title,
    startKind: hard ? 'hard' : 'soft',
    plannedStart,
    durationSeconds: minutes * 60,
    notes: cueId === CUE.b ? { sound: 'Mic MC on' } : {},
  });
  const cSoft = over.cStart === 'soft';
  const timing = (
    cue: Partial<CueTiming> & Pick<CueTiming, 'cueId' | 'title' | 'status' | 'plannedStart'>,
    minutes: number,
  ): CueTiming => ({
    startKind: 'soft',
    plannedDurationSeconds: minutes * 60,
    adjustSeconds: 0,
    delaySeconds: 0,
    ...cue,
  });
  return {
    productionId: '6a1f0c2e-0000-4000-8000-000000000001',
    showDay: '2027-03-14',
    version: 3,
    departments: ['sound', 'lighting', 'video', 'stage'],
    run: {
      productionId: '6a1f0c2e-0000-4000-8000-000000000001',
      showDay: '2027-03-14',
      timeZone: 'Asia/Jakarta',
      rundownRevision: 7,
      frozenAt: '2027-03-14T12:55:00.000Z',
      plannedStart: '2027-03-14T13:00:00.000Z',
      plannedEnd: '2027-03-14T13:40:00.000Z',
      cues: [
        runCue(CUE.a, 'Video pembuka', '2027-03-14T13:00:00.000Z', 10, true),
        runCue(CUE.b, 'Sambutan MC', '2027-03-14T13:10:00.000Z', 5, false),
        runCue(
          CUE.c,
          'Band pembuka',
          cSoft ? '2027-03-14T13:15:00.000Z' : '2027-03-14T13:30:00.000Z',
          10,
          !cSoft,
        ),
      ],
    },
    timing: {
      position: {
        status: 'running',
        version: 3,
        currentCueId: CUE.a,
        nextCueId: CUE.b,
        standby: null,
        ...over.position,
      },
      serverTime: '2027-03-14T13:08:00.000Z',
      plannedStart: '2027-03-14T13:00:00.000Z',
      plannedEnd: '2027-03-14T13:40:00.000Z',
      projectedEnd: cSoft ? '2027-03-14T13:25:00.000Z' : '2027-03-14T13:40:00.000Z',
      overUnderSeconds: 0,
      live: { cueId: CUE.a, elapsedSeconds: 480, remainingSeconds: 120, held: false, ...over.live },
      cues: [
        timing(
          {
            cueId: CUE.a,
            title: 'Video pembuka',
            status: 'live',
            plannedStart: '2027-03-14T13:00:00.000Z',
            actualStart: '2027-03-14T13:00:00.000Z',
            projectedStart: '2027-03-14T13:00:00.000Z',
            projectedEnd: '2027-03-14T13:10:00.000Z',
          },
          10,
        ),
        timing(
          {
            cueId: CUE.b,
            title: 'Sambutan MC',
            status: 'pending',
            plannedStart: '2027-03-14T13:10:00.000Z',
            projectedStart: '2027-03-14T13:10:00.000Z',
            projectedEnd: '2027-03-14T13:15:00.000Z',
          },
          5,
        ),
        timing(
          {
            cueId: CUE.c,
            title: 'Band pembuka',
            status: 'pending',
            plannedStart: cSoft ? '2027-03-14T13:15:00.000Z' : '2027-03-14T13:30:00.000Z',
            projectedStart: cSoft ? '2027-03-14T13:15:00.000Z' : '2027-03-14T13:30:00.000Z',
            projectedEnd: cSoft ? '2027-03-14T13:25:00.000Z' : '2027-03-14T13:40:00.000Z',
          },
          10,
        ),
      ],
    },
  };
}

export const at = (hhmmss: string) => Date.parse(`2027-03-14T${hhmmss}.000Z`);
