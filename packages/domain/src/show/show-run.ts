import type { CueStatus, ShowControlBody, ShowDepartment, ShowEvents, ShowRun } from '@panggung/contracts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';

/** The stream of one show day as it runs: the frozen run, then every live command's event. */
export const showStream = (productionId: string, showDay: string): string =>
  `show-${productionId}-${showDay}`;

interface Day {
  readonly productionId: string;
  readonly showDay: string;
}

export type ShowCommand =
  /** The show starts: the run frozen from the rundown (`showRunOf`) opens the show stream. */
  | Command<'FreezeShowRun', Day & { idempotencyKey: string; run: ShowRun }>
  | Command<'ControlShow', Day & { control: ShowControlBody }>;

export type ShowEvent =
  | DomainEvent<'ShowRunFrozen', ShowEvents.ShowRunFrozen>
  | DomainEvent<'CueStoodBy', ShowEvents.CueStoodBy>
  | DomainEvent<'StandbyAcknowledged', ShowEvents.StandbyAcknowledged>
  | DomainEvent<'CueStarted', ShowEvents.CueStarted>
  | DomainEvent<'ShowHeld', ShowEvents.ShowHeld>
  | DomainEvent<'ShowResumed', ShowEvents.ShowResumed>
  | DomainEvent<'CueSkipped', ShowEvents.CueSkipped>
  | DomainEvent<'WentBack', ShowEvents.WentBack>
  | DomainEvent<'CueTimeAdjusted', ShowEvents.CueTimeAdjusted>
  | DomainEvent<'DelayInserted', ShowEvents.DelayInserted>
  | DomainEvent<'ShowEnded', ShowEvents.ShowEnded>;

export const SHOW_EVENT_TYPES: ReadonlySet<string> = new Set<ShowEvent['type']>([
  'ShowRunFrozen',
  'CueStoodBy',
  'StandbyAcknowledged',
  'CueStarted',
  'ShowHeld',
  'ShowResumed',
  'CueSkipped',
  'WentBack',
  'CueTimeAdjusted',
  'DelayInserted',
  'ShowEnded',
]);

/** The command an event answers, so a key resent with another command is told apart. */
export type ShowCommandKind = 'freeze' | ShowControlBody['type'];

export function commandKindOf(event: ShowEvent): ShowCommandKind {
  switch (event.type) {
    case 'ShowRunFrozen':
      return 'freeze';
    case 'CueStoodBy':
      return 'stand_by';
    case 'StandbyAcknowledged':
      return 'acknowledge';
    case 'CueStarted':
    case 'ShowEnded':
      return 'go';
    case 'ShowHeld':
      return 'hold';
    case 'ShowResumed':
      return 'resume';
    case 'CueSkipped':
      return 'skip';
    case 'WentBack':
      return 'back';
    case 'CueTimeAdjusted':
      return 'adjust_time';
    case 'DelayInserted':
      return 'insert_delay';
    default:
      return assertNever(event);
  }
}

/** One cue of the run as it went; instants in ms since the epoch. */
export interface CueRun {
  readonly status: CueStatus;
  readonly actualStartMs?: number;
  readonly actualEndMs?: number;
  /** Time the cue spent on hold. */
  readonly heldMs: number;
  readonly adjustSeconds: number;
  readonly delaySeconds: number;
  /** The cue whose GO started this one (where BACK returns to); null: the first cue. */
  readonly startedAfter?: number | null;
}

export interface Standby {
  readonly cueId: string;
  readonly departments: readonly ShowDepartment[];
  readonly acknowledged: readonly ShowDepartment[];
}

export interface RunningShow {
  readonly status: 'ready' | 'running' | 'held' | 'ended';
  readonly run: ShowRun;
  /** Events on the show stream so far. */
  readonly version: number;
  /** Index of the live cue. */
  readonly current: number | null;
  /** In the run's order. */
  readonly cues: readonly CueRun[];
  readonly heldSinceMs: number | null;
  readonly standby: Standby | null;
  /** Every idempotency key acted on, and the command it came with. */
  readonly keys: ReadonlyMap<string, ShowCommandKind>;
}

export type ShowState = { readonly status: 'none' } | RunningShow;

export const initialShowState: ShowState = { status: 'none' };

const setCue = (cues: readonly CueRun[], index: number, change: (cue: CueRun) => CueRun): CueRun[] =>
  cues.map((cue, i) => (i === index ? change(cue) : cue));

export const cueIndex = (show: RunningShow, cueId: string | null): number =>
  cueId === null ? -1 : show.run.cues.findIndex((c) => c.cueId === cueId);

export function evolveShow(state: ShowState, event: ShowEvent): ShowState {
  if (event.type === 'ShowRunFrozen') {
    const { run, idempotencyKey } = event.data;
    return {
      status: 'ready',
      run,
      version: 1,
      current: null,
      cues: run.cues.map(() => ({ status: 'pending', heldMs: 0, adjustSeconds: 0, delaySeconds: 0 })),
      heldSinceMs: null,
      standby: null,
      keys: new Map([[idempotencyKey, 'freeze']]),
    };
  }
  if (state.status === 'none') return state;
  const show: RunningShow = {
    ...state,
    version: state.version + 1,
    keys: new Map([...state.keys, [event.data.idempotencyKey, commandKindOf(event)]]),
  };
  const at = Date.parse(event.data.at);
  switch (event.type) {
    case 'CueStoodBy':
      return {
        ...show,
        standby: { cueId: event.data.cueId, departments: event.data.departments, acknowledged: [] },
      };
    case 'StandbyAcknowledged':
      if (!show.standby) return show;
      return {
        ...show,
        standby: { ...show.standby, acknowledged: [...show.standby.acknowledged, event.data.department] },
      };
    case 'CueStarted': {
      const next = cueIndex(show, event.data.cueId);
      const previous = show.current;
      const ended =
        previous === null
          ? show.cues
          : setCue(show.cues, previous, (c) => ({ ...c, status: 'done', actualEndMs: at }));
      const cues = setCue(ended, next, (c) => ({
        ...c,
        status: 'live',
        actualStartMs: at,
        startedAfter: previous,
      }));
      return { ...show, status: 'running', current: next, cues, standby: null };
    }
    case 'ShowHeld':
      return { ...show, status: 'held', heldSinceMs: at };
    case 'ShowResumed': {
      const since = show.heldSinceMs ?? at;
      const cues =
        show.current === null
          ? show.cues
          : setCue(show.cues, show.current, (c) => ({ ...c, heldMs: c.heldMs + at - since }));
      return { ...show, status: 'running', heldSinceMs: null, cues };
    }
    case 'CueSkipped': {
      const standby = show.standby?.cueId === event.data.cueId ? null : show.standby;
      return {
        ...show,
        standby,
        cues: setCue(show.cues, cueIndex(show, event.data.cueId), (c) => ({ ...c, status: 'skipped' })),
      };
    }
    case 'WentBack': {
      const from = cueIndex(show, event.data.fromCueId);
      const back = cueIndex(show, event.data.cueId);
      let cues = setCue(show.cues, from, (c) => ({
        status: 'pending',
        heldMs: 0,
        adjustSeconds: c.adjustSeconds,
        delaySeconds: c.delaySeconds,
      }));
      if (back >= 0) cues = setCue(cues, back, ({ actualEndMs: _ended, ...c }) => ({ ...c, status: 'live' }));
      return {
        ...show,
        status: back >= 0 ? 'running' : 'ready',
        current: back >= 0 ? back : null,
        cues,
        standby: null,
      };
    }
    case 'CueTimeAdjusted':
      return {
        ...show,
        cues: setCue(show.cues, cueIndex(show, event.data.cueId), (c) => ({
          ...c,
          adjustSeconds: event.data.totalSeconds,
        })),
      };
    case 'DelayInserted':
      return {
        ...show,
        cues: setCue(show.cues, cueIndex(show, event.data.beforeCueId), (c) => ({
          ...c,
          delaySeconds: event.data.totalSeconds,
        })),
      };
    case 'ShowEnded': {
      const cues =
        show.current === null
          ? show.cues
          : setCue(show.cues, show.current, (c) => ({ ...c, status: 'done', actualEndMs: at }));
      return { ...show, status: 'ended', current: null, cues, standby: null };
    }
    default:
      return assertNever(event);
  }
}

/** The first cue after the live one (or from the top, before the first GO) still to run. */
export function nextPending(show: RunningShow): number | null {
  const index = show.cues.findIndex((c, i) => i > (show.current ?? -1) && c.status === 'pending');
  return index < 0 ? null : index;
}
