import { randomUUID } from 'node:crypto';
import type { Department, EquipmentItem, Role } from '@panggung/contracts';
import {
  CREW_EVENT_TYPES,
  crewStream,
  decideCrew,
  decideLogistics,
  decideTechnical,
  decideTimeline,
  evolveCrew,
  evolveLogistics,
  evolveTechnical,
  evolveTimeline,
  initialCrewState,
  initialLogisticsState,
  initialTechnicalState,
  initialTimelineState,
  LOGISTICS_EVENT_TYPES,
  logisticsStream,
  TECHNICAL_EVENT_TYPES,
  technicalStream,
  TIMELINE_EVENT_TYPES,
  TIMELINE_TEMPLATES,
  timelineStream,
  type CrewCommand,
  type CrewEvent,
  type CrewState,
  type LogisticsCommand,
  type LogisticsEvent,
  type LogisticsState,
  type TechnicalActor,
  type TechnicalCommand,
  type TechnicalEvent,
  type TechnicalState,
  type TimelineCommand,
  type TimelineEvent,
  type TimelineState,
} from '@panggung/domain';
import type { EventStore } from '@panggung/event-store';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import type { Database } from '../schema/tables.ts';
import { DEMO } from './demo-ids.ts';

const timelineDecider: Decider<TimelineCommand, TimelineEvent, TimelineState> = {
  decide: decideTimeline,
  evolve: evolveTimeline,
  initial: initialTimelineState,
  eventTypes: TIMELINE_EVENT_TYPES,
};
const crewDecider: Decider<CrewCommand, CrewEvent, CrewState> = {
  decide: decideCrew,
  evolve: evolveCrew,
  initial: initialCrewState,
  eventTypes: CREW_EVENT_TYPES,
};
const technicalDecider: Decider<TechnicalCommand, TechnicalEvent, TechnicalState> = {
  decide: decideTechnical,
  evolve: evolveTechnical,
  initial: initialTechnicalState,
  eventTypes: TECHNICAL_EVENT_TYPES,
};
const logisticsDecider: Decider<LogisticsCommand, LogisticsEvent, LogisticsState> = {
  decide: decideLogistics,
  evolve: evolveLogistics,
  initial: initialLogisticsState,
  eventTypes: LOGISTICS_EVENT_TYPES,
};

const p = DEMO.people;
const concert = DEMO.concertId;
/** A WIB wall-clock time in March 2027 as an instant. */
const wib = (day: number, time: string) =>
  new Date(`2027-03-${String(day).padStart(2, '0')}T${time}:00+07:00`).toISOString();
const HOUR = 60;

/** The department heads of the concert: each is crew of their department (README: Demo). */
const HEADS: ReadonlyArray<{ personId: string; department: Department; role: string }> = [
  { personId: p.sound, department: 'sound', role: 'Kepala tata suara (FOH)' },
  { personId: p.lighting, department: 'lighting', role: 'Kepala tata cahaya' },
  { personId: p.video, department: 'video', role: 'Kepala video & LED' },
  { personId: p.stage, department: 'stage', role: 'Stage manager' },
];

/** Call, start and end (WIB) per head and day: load-in, the technical rehearsal, show day. */
const SHIFTS: ReadonlyArray<{ day: number; times: Partial<Record<Department, [string, string, string]>> }> = [
  {
    day: 12,
    times: {
      stage: ['06:30', '07:00', '18:00'],
      sound: ['08:00', '08:30', '19:00'],
      lighting: ['08:00', '08:30', '19:30'],
      video: ['09:00', '09:30', '19:30'],
    },
  },
  {
    day: 13,
    times: {
      stage: ['10:00', '10:30', '21:30'],
      sound: ['10:00', '10:30', '21:30'],
      lighting: ['10:00', '10:30', '21:30'],
      video: ['10:00', '10:30', '21:30'],
    },
  },
  {
    day: 14,
    times: {
      stage: ['12:00', '12:30', '23:45'],
      sound: ['12:00', '12:30', '23:45'],
      lighting: ['12:00', '12:30', '23:45'],
      video: ['12:00', '12:30', '23:45'],
    },
  },
];

const RIDERS: ReadonlyArray<{ department: Department; title: string; requirements: string }> = [
  {
    department: 'sound',
    title: 'Rider audio artis utama',
    requirements:
      'PA line array untuk 8.000 penonton, 2 delay tower, 16 IEM stereo, konsol FOH digital 48 kanal, talkback ke panggung.',
  },
  {
    department: 'lighting',
    title: 'Rider tata cahaya',
    requirements:
      '48 moving head beam, 36 wash, follow spot 4 titik, konsol grandMA3 dengan cadangan, hazer 2 unit.',
  },
  {
    department: 'video',
    title: 'Rider video & LED',
    requirements: 'LED utama 12×6 m, 2 LED samping, media server dengan cadangan, kamera IMAG 3 unit.',
  },
  {
    department: 'stage',
    title: 'Rider panggung',
    requirements:
      'Panggung 16×12 m tinggi 1,8 m, ramp loading di sisi kiri, ruang ganti artis ber-AC, drum riser 2,4×2,4 m.',
  },
];

/** Checklist items per department; the first two are checked already, the last one waits for the e2e. */
const CHECKLIST: Readonly<Record<string, readonly string[]>> = {
  sound: ['Patch list & input list final', 'Sistem PA di-tuning dan diukur', 'Cek IEM semua artis'],
  lighting: ['Plot cahaya final', 'Programming pra-visual selesai', 'Fokus semua fixture'],
  video: ['Konten LED diterima', 'Timecode sinkron dengan audio', 'Uji kamera IMAG ke LED'],
  stage: ['Plot panggung & rigging final', 'Riser dan tangga terpasang', 'Safety walk panggung'],
};

/** The owned tasks beyond the concert template, with who owns them and what they follow. */
const TASKS: ReadonlyArray<{
  key: string;
  title: string;
  ownerId: string;
  hours: number;
  after: readonly string[];
  before: readonly string[];
}> = [
  {
    key: 'patch',
    title: 'Patch list & input list final',
    ownerId: p.sound,
    hours: 16,
    after: ['rider'],
    before: ['loading'],
  },
  {
    key: 'plot',
    title: 'Plot cahaya & programming pra-visual',
    ownerId: p.lighting,
    hours: 40,
    after: ['rider'],
    before: ['gladi'],
  },
  {
    key: 'konten',
    title: 'Konten LED & timecode',
    ownerId: p.video,
    hours: 32,
    after: ['rider'],
    before: ['gladi'],
  },
  {
    key: 'rundown',
    title: 'Rundown & cue sheet final',
    ownerId: p.showCaller,
    hours: 12,
    after: ['kru'],
    before: ['gladi'],
  },
];

const manager: TechnicalActor = { personId: p.manager, roles: ['production_manager'], departments: [] };
const crewActor = (personId: string, department: Department): TechnicalActor => ({
  personId,
  roles: ['crew'] satisfies Role[],
  departments: [department],
});

/**
 * The concert's plan, as a production manager would have it a few weeks out: a timeline from the
 * concert template with a few owned tasks and dependencies (the first ones done), the department heads'
 * shifts for load-in, rehearsal and show day (key calls, not yet published), the heads with riders and
 * checklists (mostly checked, none signed off), the venue details, load-in and load-out windows, a
 * transport run and a little equipment. The production stays in planning. Through the same commands
 * as the API.
 */
export async function seedPlanning(store: EventStore<Database>): Promise<void> {
  const exec = async <C extends { type: string; data: object }, E extends { type: string; data: object }, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: Omit<C, 'metadata'>,
    by: string = p.manager,
  ) =>
    handleCommand(
      store,
      streamId,
      decider,
      { ...command, metadata: { actor: `person:${by}`, now: new Date().toISOString() } } as unknown as C,
      { actor: `person:${by}`, productionId: concert },
    );

  // The timeline: the concert template counted back from the show, then the owned tasks.
  const template = TIMELINE_TEMPLATES.concert;
  const taskIds = template.tasks.map(() => randomUUID());
  const idOf = new Map(template.tasks.map((task, i) => [task.key, taskIds[i]!]));
  const timeline = (command: Omit<TimelineCommand, 'metadata'>) =>
    exec(timelineStream(concert), timelineDecider, command);
  await timeline({
    type: 'ApplyTemplate',
    data: {
      productionId: concert,
      template: 'concert',
      showStartsAt: new Date('2027-03-14T16:00:00+07:00').toISOString(),
      taskIds,
    },
  });
  for (const task of TASKS) {
    const taskId = randomUUID();
    idOf.set(task.key, taskId);
    await timeline({
      type: 'AddTask',
      data: {
        productionId: concert,
        task: {
          taskId,
          title: task.title,
          kind: 'task',
          durationMinutes: task.hours * HOUR,
          ownerId: task.ownerId,
        },
      },
    });
    for (const key of task.after)
      await timeline({
        type: 'AddDependency',
        data: { productionId: concert, predecessorId: idOf.get(key)!, successorId: taskId },
      });
    for (const key of task.before)
      await timeline({
        type: 'AddDependency',
        data: { productionId: concert, predecessorId: taskId, successorId: idOf.get(key)! },
      });
  }
  for (const key of ['venue', 'rider'])
    await timeline({ type: 'CompleteTask', data: { productionId: concert, taskId: idOf.get(key)! } });
  await timeline({ type: 'StartTask', data: { productionId: concert, taskId: idOf.get('izin')! } });

  // The crew: each head's shifts, key calls; the call sheets stay unpublished.
  for (const { day, times } of SHIFTS)
    for (const head of HEADS) {
      const [call, start, end] = times[head.department]!;
      await exec(crewStream(concert), crewDecider, {
        type: 'AssignShift',
        data: {
          productionId: concert,
          shift: {
            shiftId: randomUUID(),
            productionId: concert,
            personId: head.personId,
            department: head.department,
            role: head.role,
            key: true,
            callAt: wib(day, call),
            startsAt: wib(day, start),
            endsAt: wib(day, end),
            location: 'Lapangan Banteng',
          },
          personIsCrew: true,
          context: { shifts: [], unavailable: [] },
        },
      });
    }

  // Technical preparation: heads, riders and checklists; most items checked by their department.
  const technical = (command: Omit<TechnicalCommand, 'metadata'>, by: string = p.manager) =>
    exec(technicalStream(concert), technicalDecider, command, by);
  for (const head of HEADS)
    await technical({
      type: 'AssignDepartmentHead',
      data: {
        productionId: concert,
        department: head.department,
        member: crewActor(head.personId, head.department),
        by: manager,
      },
    });
  for (const rider of RIDERS)
    await technical({
      type: 'AddTechnicalRider',
      data: { productionId: concert, riderId: randomUUID(), ...rider, by: manager },
    });
  for (const head of HEADS) {
    const items = CHECKLIST[head.department] ?? [];
    for (const [index, text] of items.entries()) {
      const itemId = randomUUID();
      await technical({
        type: 'AddChecklistItem',
        data: { productionId: concert, itemId, department: head.department, text, by: manager },
      });
      if (index < items.length - 1)
        await technical(
          {
            type: 'CheckChecklistItem',
            data: { productionId: concert, itemId, by: crewActor(head.personId, head.department) },
          },
          head.personId,
        );
    }
  }

  // Logistics: the venue, its windows, a little equipment and the truck that brings it.
  const logistics = (command: Omit<LogisticsCommand, 'metadata'>) =>
    exec(logisticsStream(concert), logisticsDecider, command);
  await logistics({
    type: 'SetVenueDetails',
    data: {
      productionId: concert,
      venue: {
        location: 'Lapangan Banteng',
        accessNotes:
          'Truk masuk lewat Jl. Lapangan Banteng Utara; izin bongkar muat dari Satpol PP berlaku 12–15 Maret.',
        powerKva: 500,
        powerPhases: 3,
        capacity: 8000,
        loadingDock: 'Gerbang utara, truk maksimal 8 ton',
      },
    },
  });
  await logistics({
    type: 'ScheduleLoadWindow',
    data: {
      productionId: concert,
      window: {
        windowId: randomUUID(),
        kind: 'load_in',
        startsAt: wib(12, '06:00'),
        endsAt: wib(12, '20:00'),
        note: 'Panggung dan rigging dulu, lalu sound, lighting dan LED',
      },
    },
  });
  await logistics({
    type: 'ScheduleLoadWindow',
    data: {
      productionId: concert,
      window: {
        windowId: randomUUID(),
        kind: 'load_out',
        startsAt: new Date('2027-03-15T00:00:00+07:00').toISOString(),
        endsAt: new Date('2027-03-15T08:00:00+07:00').toISOString(),
        note: 'Lapangan kembali bersih sebelum pukul 08.00',
      },
    },
  });
  const equipment: EquipmentItem[] = [
    {
      itemId: randomUUID(),
      department: 'stage',
      name: 'Riser panggung 2×1 m',
      quantity: 24,
      source: { kind: 'owned' },
    },
    {
      itemId: randomUUID(),
      department: 'stage',
      name: 'Tangga panggung',
      quantity: 4,
      source: { kind: 'owned' },
    },
    {
      itemId: randomUUID(),
      department: 'video',
      name: 'Media server playback',
      quantity: 2,
      source: { kind: 'owned' },
      note: 'Satu utama, satu cadangan',
    },
    {
      itemId: randomUUID(),
      department: 'sound',
      name: 'Intercom beltpack',
      quantity: 12,
      source: { kind: 'owned' },
    },
  ];
  for (const item of equipment)
    await logistics({ type: 'AddEquipment', data: { productionId: concert, item } });
  await logistics({
    type: 'ScheduleTransportRun',
    data: {
      productionId: concert,
      run: {
        runId: randomUUID(),
        from: 'Gudang Gema Nusantara, Cakung',
        to: 'Lapangan Banteng',
        departsAt: wib(12, '05:00'),
        arrivesAt: wib(12, '06:15'),
        vehicle: 'Truk engkel B 9123 TXA',
        cargo: equipment.map((item) => item.itemId),
      },
    },
  });
}
