import type { Cue, CueFields, Segment, ShowEvents } from '@panggung/contracts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';

/** The stream of one show day's rundown, edited before the show. */
export const rundownStream = (productionId: string, showDay: string): string =>
  `rundown-${productionId}-${showDay}`;

interface Day {
  readonly productionId: string;
  readonly showDay: string;
}

export type RundownCommand =
  | Command<'CreateRundown', Day & { timeZone?: string | undefined; showStart: string }>
  | Command<'ChangeShowStart', Day & { showStart: string }>
  | Command<
      'AddSegment',
      Day & { segmentId: string; title: string; group?: string | undefined; position?: number | undefined }
    >
  | Command<'RemoveSegment', Day & { segmentId: string }>
  | Command<'AddCue', Day & CueFields & { cueId: string; segmentId: string; position?: number | undefined }>
  | Command<'ChangeCue', Day & CueFields & { cueId: string }>
  | Command<'MoveCue', Day & { cueId: string; segmentId: string; position: number }>
  | Command<'RemoveCue', Day & { cueId: string }>
  /** The show starts: the rundown is frozen into the show run and edits stop. */
  | Command<'FreezeRundown', Day>;

export type RundownEvent =
  | DomainEvent<'RundownCreated', ShowEvents.RundownCreated>
  | DomainEvent<'ShowStartChanged', ShowEvents.ShowStartChanged>
  | DomainEvent<'SegmentAdded', ShowEvents.SegmentAdded>
  | DomainEvent<'SegmentRemoved', ShowEvents.SegmentRemoved>
  | DomainEvent<'CueAdded', ShowEvents.CueAdded>
  | DomainEvent<'CueChanged', ShowEvents.CueChanged>
  | DomainEvent<'CueMoved', ShowEvents.CueMoved>
  | DomainEvent<'CueRemoved', ShowEvents.CueRemoved>
  | DomainEvent<'RundownFrozen', ShowEvents.RundownFrozen>;

export const RUNDOWN_EVENT_TYPES: ReadonlySet<string> = new Set<RundownEvent['type']>([
  'RundownCreated',
  'ShowStartChanged',
  'SegmentAdded',
  'SegmentRemoved',
  'CueAdded',
  'CueChanged',
  'CueMoved',
  'CueRemoved',
  'RundownFrozen',
]);

export interface RundownRecord extends Day {
  readonly status: 'editing' | 'frozen';
  readonly timeZone: string;
  readonly showStart: string;
  /** In order; each segment lists its cues in order. */
  readonly segments: readonly Segment[];
  readonly cues: Readonly<Record<string, Cue>>;
  /** Events applied so far, creation included; freezing does not count. */
  readonly revision: number;
}

export type RundownState = { readonly status: 'none' } | RundownRecord;

export const initialRundownState: RundownState = { status: 'none' };

const insertAt = <T>(items: readonly T[], item: T, position: number): T[] => [
  ...items.slice(0, position),
  item,
  ...items.slice(position),
];

const withoutCue = (segments: readonly Segment[], cueId: string): Segment[] =>
  segments.map((s) => ({ ...s, cueIds: s.cueIds.filter((id) => id !== cueId) }));

const intoSegment = (segments: readonly Segment[], cueId: string, segmentId: string, position: number) =>
  segments.map((s) =>
    s.segmentId === segmentId ? { ...s, cueIds: insertAt(s.cueIds, cueId, position) } : s,
  );

const fieldsOf = (data: CueFields): CueFields => ({
  title: data.title,
  durationSeconds: data.durationSeconds,
  startKind: data.startKind,
  ...(data.startsAt === undefined ? {} : { startsAt: data.startsAt }),
  notes: data.notes,
});

export function evolveRundown(state: RundownState, event: RundownEvent): RundownState {
  if (event.type === 'RundownCreated') {
    const { productionId, showDay, timeZone, showStart } = event.data;
    return {
      status: 'editing',
      productionId,
      showDay,
      timeZone,
      showStart,
      segments: [],
      cues: {},
      revision: 1,
    };
  }
  if (state.status === 'none') return state;
  const next = { ...state, revision: state.revision + 1 };
  switch (event.type) {
    case 'ShowStartChanged':
      return { ...next, showStart: event.data.showStart };
    case 'SegmentAdded': {
      const { segmentId, title, group, position } = event.data;
      const segment: Segment = { segmentId, title, ...(group === undefined ? {} : { group }), cueIds: [] };
      return { ...next, segments: insertAt(state.segments, segment, position) };
    }
    case 'SegmentRemoved': {
      const gone = state.segments.find((s) => s.segmentId === event.data.segmentId)?.cueIds ?? [];
      const cues = Object.fromEntries(Object.entries(state.cues).filter(([id]) => !gone.includes(id)));
      return { ...next, cues, segments: state.segments.filter((s) => s.segmentId !== event.data.segmentId) };
    }
    case 'CueAdded': {
      const { cueId, segmentId, position } = event.data;
      return {
        ...next,
        cues: { ...state.cues, [cueId]: { cueId, segmentId, ...fieldsOf(event.data) } },
        segments: intoSegment(state.segments, cueId, segmentId, position),
      };
    }
    case 'CueChanged': {
      const cue = state.cues[event.data.cueId];
      if (!cue) return next;
      return {
        ...next,
        cues: {
          ...state.cues,
          [cue.cueId]: { ...fieldsOf(event.data), cueId: cue.cueId, segmentId: cue.segmentId },
        },
      };
    }
    case 'CueMoved': {
      const { cueId, segmentId, position } = event.data;
      const cue = state.cues[cueId];
      if (!cue) return next;
      return {
        ...next,
        cues: { ...state.cues, [cueId]: { ...cue, segmentId } },
        segments: intoSegment(withoutCue(state.segments, cueId), cueId, segmentId, position),
      };
    }
    case 'CueRemoved': {
      const cues = Object.fromEntries(Object.entries(state.cues).filter(([id]) => id !== event.data.cueId));
      return { ...next, cues, segments: withoutCue(state.segments, event.data.cueId) };
    }
    case 'RundownFrozen':
      return { ...state, status: 'frozen' };
    default:
      return assertNever(event);
  }
}

/** The cues in running order: segment by segment, each segment's cues in its order. */
export function cuesInOrder(state: RundownRecord): Cue[] {
  return state.segments.flatMap((s) => s.cueIds.flatMap((id) => state.cues[id] ?? []));
}
