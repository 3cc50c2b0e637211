import type { CueFields, ShowControlBody } from '@panggung/contracts';
import type { RundownEvent } from './rundown.ts';
import type { ShowCommand } from './show-run.ts';

/**
 * The rundown the specifications share: 14 March 2027, Asia/Jakarta (UTC+7), from 22:00 past midnight.
 *
 * | cue | title            | start            | duration | planned (WIB)  |
 * | C1  | Opening VT       | soft (show start)| 5 min    | 22:00–22:05    |
 * | C2  | MC welcome       | soft             | 10 min   | 22:05–22:15    |
 * | C3  | Band set         | soft             | 90 min   | 22:15–23:45    |
 * | C4  | Sponsor VT       | soft             | 2 min    | 23:45–23:47    |
 * | C5  | Countdown + pyro | hard 00:00       | 5 min    | 00:00–00:05 (15 March) |
 * | C6  | Closing          | soft             | 15 min   | 00:05–00:20    |
 */
export const productionId = '11111111-1111-4111-8111-111111111111';
export const showDay = '2027-03-14';
export const day = { productionId, showDay };
export const segA = 'a0000000-0000-4000-8000-00000000000a';
export const segB = 'b0000000-0000-4000-8000-00000000000b';
export const C = {
  1: 'c0000000-0000-4000-8000-000000000001',
  2: 'c0000000-0000-4000-8000-000000000002',
  3: 'c0000000-0000-4000-8000-000000000003',
  4: 'c0000000-0000-4000-8000-000000000004',
  5: 'c0000000-0000-4000-8000-000000000005',
  6: 'c0000000-0000-4000-8000-000000000006',
} as const;

export const cueFields: Record<keyof typeof C, CueFields> = {
  1: { title: 'Opening VT', durationSeconds: 300, startKind: 'soft', notes: { video: 'Play VT 1' } },
  2: {
    title: 'MC welcome',
    durationSeconds: 600,
    startKind: 'soft',
    notes: { sound: 'MC mic 1 on', lighting: 'Warm wash' },
  },
  3: { title: 'Band set', durationSeconds: 5400, startKind: 'soft', notes: {} },
  4: { title: 'Sponsor VT', durationSeconds: 120, startKind: 'soft', notes: { video: 'VT 2' } },
  5: {
    title: 'Countdown + pyro',
    durationSeconds: 300,
    startKind: 'hard',
    startsAt: '00:00',
    notes: { stage: 'Pyro safety clear' },
  },
  6: { title: 'Closing', durationSeconds: 900, startKind: 'soft', notes: {} },
};

const segmentOf = (n: keyof typeof C) => (n <= 2 ? segA : segB);

export const rundownEvents: RundownEvent[] = [
  { type: 'RundownCreated', data: { ...day, timeZone: 'Asia/Jakarta', showStart: '22:00' } },
  {
    type: 'SegmentAdded',
    data: { ...day, segmentId: segA, title: 'Pembukaan', group: 'Pre-show', position: 0 },
  },
  { type: 'SegmentAdded', data: { ...day, segmentId: segB, title: 'Konser', position: 1 } },
  ...([1, 2, 3, 4, 5, 6] as const).map((n): RundownEvent => ({
    type: 'CueAdded',
    data: { ...day, cueId: C[n], segmentId: segmentOf(n), position: n <= 2 ? n - 1 : n - 3, ...cueFields[n] },
  })),
];

/** `HH:mm[:ss]` WIB on the show day, or the next day for times before noon (past midnight). */
export const wib = (time: string): string =>
  `${time < '12' ? '2027-03-15' : '2027-03-14'}T${time.length === 5 ? `${time}:00` : time}+07:00`;

export const showMetadata = (time: string) => ({ actor: 'person:dewi', now: wib(time) });

let keys = 0;
/** A live command issued at `time` WIB, with a fresh idempotency key unless one is given. */
export function control<T extends ShowControlBody['type']>(
  time: string,
  type: T,
  expectedCueId: string | null,
  rest: Omit<Extract<ShowControlBody, { type: T }>, 'type' | 'idempotencyKey' | 'expectedCueId'> & {
    idempotencyKey?: string;
  },
): ShowCommand {
  keys += 1;
  const { idempotencyKey = `key-${type}-${keys}`, ...fields } = rest;
  return {
    type: 'ControlShow',
    data: { ...day, control: { type, idempotencyKey, expectedCueId, ...fields } as ShowControlBody },
    metadata: showMetadata(time),
  };
}

/** A live event at `time` WIB (the key as in the command that caused it). */
export const live = (time: string, idempotencyKey: string) => ({ ...day, idempotencyKey, at: wib(time) });
