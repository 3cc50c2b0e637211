import type { CueFields } from '@panggung/contracts';
import { rundownStream, type RundownCommand } from '@panggung/domain';
import type { EventStore } from '@panggung/event-store';
import { handleCommand } from '../commands/handle-command.ts';
import type { Database } from '../schema/tables.ts';
import { rundownDecider } from '../show/show-days.ts';
import { DEMO } from './demo-ids.ts';

const id = (n: number) => `6a1f0c2e-0000-4000-8000-0000000${String(n).padStart(5, '0')}`;

/** The concert's show day and the ids of its rundown, so tests and screens can name them. */
export const DEMO_SHOW = {
  showDay: '2027-03-14',
  segments: { preShow: id(51001), opening: id(51002), performances: id(51003), closing: id(51004) },
  /** In running order. */
  cues: Array.from({ length: 12 }, (_, i) => id(52001 + i)),
} as const;

const s = DEMO_SHOW.segments;
const SEGMENTS: ReadonlyArray<{ segmentId: string; title: string; group: string }> = [
  { segmentId: s.preShow, title: 'Pra-acara', group: 'Sebelum acara' },
  { segmentId: s.opening, title: 'Pembukaan', group: 'Babak 1' },
  { segmentId: s.performances, title: 'Penampilan', group: 'Babak 1' },
  { segmentId: s.closing, title: 'Penutupan', group: 'Babak 2' },
];

const min = (m: number) => m * 60;
/** Planned (WIB): 16:00 gates, 18:30 hard opening VT, 20:30 hard headliner, 22:30 hard fireworks, ends 23:15. */
const CUES: ReadonlyArray<{ segmentId: string } & CueFields> = [
  {
    segmentId: s.preShow,
    title: 'Gerbang dibuka',
    durationSeconds: min(60),
    startKind: 'hard',
    startsAt: '16:00',
    notes: {
      sound: 'Musik latar playlist 1, level -20 dB di FOH',
      video: 'Loop sponsor di LED utama dan LED samping',
      stage: 'Barikade terpasang, tim keamanan di posisi',
    },
  },
  {
    segmentId: s.preShow,
    title: 'DJ pembuka',
    durationSeconds: min(60),
    startKind: 'soft',
    notes: { sound: 'DJ booth line 1–2, monitor DJ on', lighting: 'Preset sore, warna hangat' },
  },
  {
    segmentId: s.opening,
    title: 'Video pembuka',
    durationSeconds: min(5),
    startKind: 'hard',
    startsAt: '18:30',
    notes: {
      video: 'Putar VT Pembuka (03:00) dari media server 1',
      sound: 'Playback VT stereo, fader 7',
      lighting: 'Blackout, lalu strobe mengikuti VT',
    },
  },
  {
    segmentId: s.opening,
    title: 'Sambutan MC',
    durationSeconds: min(10),
    startKind: 'soft',
    notes: { sound: 'Mic MC 1 dan 2 on', lighting: 'Spot MC tengah panggung', stage: 'MC masuk dari kiri' },
  },
  {
    segmentId: s.opening,
    title: 'Sambutan PT Sinar Cahaya Telekomunikasi',
    durationSeconds: min(10),
    startKind: 'soft',
    notes: { sound: 'Mic podium on', video: 'Logo klien di LED utama', stage: 'Podium masuk, kiri panggung' },
  },
  {
    segmentId: s.performances,
    title: 'Band pembuka: Nada Timur',
    durationSeconds: min(45),
    startKind: 'soft',
    notes: {
      sound: 'Input list A, 24 kanal',
      lighting: 'Cue list 10',
      stage: 'Riser drum terkunci, backline siap',
    },
  },
  {
    segmentId: s.performances,
    title: 'Pergantian panggung',
    durationSeconds: min(20),
    startKind: 'soft',
    notes: {
      stage: 'Changeover riser, kru panggung 6 orang',
      video: 'Loop sponsor',
      sound: 'Line check band utama',
    },
  },
  {
    segmentId: s.performances,
    title: 'Penampilan utama: Senja Kala',
    durationSeconds: min(90),
    startKind: 'hard',
    startsAt: '20:30',
    notes: {
      sound: 'Input list B, IEM 8 kanal',
      lighting: 'Timecode dari playback, cue list 20',
      video: 'IMAG kamera 1–3 ke LED samping',
      stage: 'Pyro dingin di lagu ke-8, area depan kosong',
    },
  },
  {
    segmentId: s.closing,
    title: 'Encore',
    durationSeconds: min(15),
    startKind: 'soft',
    notes: { lighting: 'Full wash penonton', sound: 'Mic vokal cadangan siap' },
  },
  {
    segmentId: s.closing,
    title: 'Kembang api penutup',
    durationSeconds: min(5),
    startKind: 'hard',
    startsAt: '22:30',
    notes: {
      stage: 'Zona aman kembang api dikosongkan, izin petugas pemadam',
      sound: 'Musik penutup dari playback',
      lighting: 'Blackout panggung',
    },
  },
  {
    segmentId: s.closing,
    title: 'Penutupan MC',
    durationSeconds: min(10),
    startKind: 'soft',
    notes: { sound: 'Mic MC 1 on', video: 'Slide terima kasih dan sponsor' },
  },
  {
    segmentId: s.closing,
    title: 'Penonton pulang',
    durationSeconds: min(30),
    startKind: 'soft',
    notes: {
      lighting: 'Lampu kerja dan lampu penonton penuh',
      sound: 'Musik latar playlist 2',
      stage: 'Jalur keluar dibuka, tim keamanan ke gerbang',
    },
  },
];

/**
 * The concert's rundown for its show day (14 March 2027, WIB), through the same domain commands as the
 * API: four segments, twelve cues with the departments' notes, three hard starts. Not started: the
 * show caller starts it.
 */
export async function seedShow(store: EventStore<Database>): Promise<void> {
  const productionId = DEMO.concertId;
  const showDay = DEMO_SHOW.showDay;
  const by = DEMO.people.manager;
  const run = (command: Omit<RundownCommand, 'metadata'>) =>
    handleCommand(
      store,
      rundownStream(productionId, showDay),
      rundownDecider,
      { ...command, metadata: { actor: by, now: new Date().toISOString() } } as RundownCommand,
      { actor: `person:${by}`, productionId },
    );
  const day = { productionId, showDay };
  await run({ type: 'CreateRundown', data: { ...day, timeZone: 'Asia/Jakarta', showStart: '16:00' } });
  for (const segment of SEGMENTS) await run({ type: 'AddSegment', data: { ...day, ...segment } });
  for (const [i, cue] of CUES.entries())
    await run({ type: 'AddCue', data: { ...day, cueId: DEMO_SHOW.cues[i] ?? '', ...cue } });
}
