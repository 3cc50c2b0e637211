import type {
  EquipmentItem,
  LoadWindow,
  LogisticsEvents,
  TransportRun,
  VenueDetails,
} from '@panggung/contracts';
import { IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';
import { formatJakarta } from '../crew/jakarta-time.ts';

/** The stream that holds a production's logistics. */
export const logisticsStream = (productionId: string): string => `logistics-${productionId}`;

type P = { productionId: string };

export type LogisticsCommand =
  | Command<'SetVenueDetails', P & { venue: VenueDetails }>
  | Command<'AddEquipment', P & { item: EquipmentItem }>
  | Command<'RemoveEquipment', P & { itemId: string }>
  | Command<'ScheduleTransportRun', P & { run: TransportRun }>
  | Command<'CancelTransportRun', P & { runId: string }>
  | Command<'ScheduleLoadWindow', P & { window: LoadWindow }>
  | Command<'RemoveLoadWindow', P & { windowId: string }>;

export type LogisticsEvent =
  | DomainEvent<'VenueDetailsSet', LogisticsEvents.VenueDetailsSet>
  | DomainEvent<'EquipmentAdded', LogisticsEvents.EquipmentAdded>
  | DomainEvent<'EquipmentRemoved', LogisticsEvents.EquipmentRemoved>
  | DomainEvent<'TransportRunScheduled', LogisticsEvents.TransportRunScheduled>
  | DomainEvent<'TransportRunCancelled', LogisticsEvents.TransportRunCancelled>
  | DomainEvent<'LoadWindowScheduled', LogisticsEvents.LoadWindowScheduled>
  | DomainEvent<'LoadWindowRemoved', LogisticsEvents.LoadWindowRemoved>;

export const LOGISTICS_EVENT_TYPES: ReadonlySet<string> = new Set<LogisticsEvent['type']>([
  'VenueDetailsSet',
  'EquipmentAdded',
  'EquipmentRemoved',
  'TransportRunScheduled',
  'TransportRunCancelled',
  'LoadWindowScheduled',
  'LoadWindowRemoved',
]);

export interface LogisticsState {
  readonly venue?: VenueDetails;
  readonly equipment: ReadonlyMap<string, EquipmentItem>;
  readonly runs: ReadonlyMap<string, TransportRun>;
  readonly windows: ReadonlyMap<string, LoadWindow>;
}

export const initialLogisticsState: LogisticsState = {
  equipment: new Map(),
  runs: new Map(),
  windows: new Map(),
};

const without = <T>(map: ReadonlyMap<string, T>, key: string) => {
  const next = new Map(map);
  next.delete(key);
  return next;
};

export function evolveLogistics(state: LogisticsState, event: LogisticsEvent): LogisticsState {
  switch (event.type) {
    case 'VenueDetailsSet':
      return { ...state, venue: event.data.venue };
    case 'EquipmentAdded':
      return { ...state, equipment: new Map(state.equipment).set(event.data.item.itemId, event.data.item) };
    case 'EquipmentRemoved':
      return { ...state, equipment: without(state.equipment, event.data.itemId) };
    case 'TransportRunScheduled':
      return { ...state, runs: new Map(state.runs).set(event.data.run.runId, event.data.run) };
    case 'TransportRunCancelled':
      return { ...state, runs: without(state.runs, event.data.runId) };
    case 'LoadWindowScheduled':
      return { ...state, windows: new Map(state.windows).set(event.data.window.windowId, event.data.window) };
    case 'LoadWindowRemoved':
      return { ...state, windows: without(state.windows, event.data.windowId) };
    default:
      return assertNever(event);
  }
}

const KIND_LABEL = { load_in: 'Load-in', load_out: 'Load-out' } as const;

/** `Load-in 2027-03-19 08:00 WIB – 2027-03-19 18:00 WIB`, for messages. */
export const describeWindow = (w: LoadWindow): string =>
  `${KIND_LABEL[w.kind]} ${formatJakarta(Date.parse(w.startsAt))} – ${formatJakarta(Date.parse(w.endsAt))}`;

function span(startsAt: string, endsAt: string, startField: string, endField: string) {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (Number.isNaN(start)) throw new ValidationError('Not an instant', startField);
  if (Number.isNaN(end)) throw new ValidationError('Not an instant', endField);
  if (end <= start) throw new ValidationError('It must end after it starts', endField);
  return { start, end };
}

/** Decides what a command means for a production's logistics, or throws a DomainError saying why not. */
export function decideLogistics(command: LogisticsCommand, state: LogisticsState): LogisticsEvent[] {
  switch (command.type) {
    case 'SetVenueDetails': {
      const { productionId, venue } = command.data;
      if (venue.location.trim() === '') throw new ValidationError('The venue needs a name', 'location');
      if (venue.powerPhases !== undefined && venue.powerKva === undefined)
        throw new ValidationError('Give the power in kVA along with the phases', 'powerKva');
      return [{ type: 'VenueDetailsSet', data: { productionId, venue } }];
    }
    case 'AddEquipment': {
      const { productionId, item } = command.data;
      if (state.equipment.has(item.itemId))
        throw new IllegalStateError(`Item ${item.itemId} is already on the list`, 'itemId');
      if (!Number.isInteger(item.quantity) || item.quantity < 1)
        throw new ValidationError('A quantity is a whole number, 1 or more', 'quantity');
      if (item.name.trim() === '') throw new ValidationError('The item needs a name', 'name');
      return [{ type: 'EquipmentAdded', data: { productionId, item } }];
    }
    case 'RemoveEquipment': {
      const { productionId, itemId } = command.data;
      const item = state.equipment.get(itemId);
      if (!item) throw new NotFoundError(`Item ${itemId} was not found`, 'itemId');
      const carrying = [...state.runs.values()].find((r) => r.cargo.includes(itemId));
      if (carrying)
        throw new IllegalStateError(
          `“${item.name}” is on the run ${carrying.from} → ${carrying.to} (${carrying.vehicle}); take it off that run first`,
          'itemId',
        );
      return [{ type: 'EquipmentRemoved', data: { productionId, itemId } }];
    }
    case 'ScheduleTransportRun': {
      const { productionId, run } = command.data;
      if (state.runs.has(run.runId))
        throw new IllegalStateError(`Run ${run.runId} is already scheduled`, 'runId');
      span(run.departsAt, run.arrivesAt, 'departsAt', 'arrivesAt');
      if (run.from.trim().toLowerCase() === run.to.trim().toLowerCase())
        throw new ValidationError('A run goes somewhere else than where it starts', 'to');
      const unknown = run.cargo.findIndex((id) => !state.equipment.has(id));
      if (unknown >= 0)
        throw new NotFoundError(
          `Item ${run.cargo[unknown]} is not on the equipment list`,
          `cargo/${unknown}`,
        );
      if (new Set(run.cargo).size !== run.cargo.length)
        throw new ValidationError('An item is listed twice in the cargo', 'cargo');
      return [{ type: 'TransportRunScheduled', data: { productionId, run } }];
    }
    case 'CancelTransportRun': {
      const { productionId, runId } = command.data;
      if (!state.runs.has(runId)) throw new NotFoundError(`Run ${runId} was not found`, 'runId');
      return [{ type: 'TransportRunCancelled', data: { productionId, runId } }];
    }
    case 'ScheduleLoadWindow': {
      const { productionId, window } = command.data;
      if (state.windows.has(window.windowId))
        throw new IllegalStateError(`Window ${window.windowId} is already scheduled`, 'windowId');
      const { start, end } = span(window.startsAt, window.endsAt, 'startsAt', 'endsAt');
      const overlapping = [...state.windows.values()].find(
        (w) => Date.parse(w.startsAt) < end && start < Date.parse(w.endsAt),
      );
      if (overlapping) throw new IllegalStateError(`It overlaps ${describeWindow(overlapping)}`, 'startsAt');
      return [{ type: 'LoadWindowScheduled', data: { productionId, window } }];
    }
    case 'RemoveLoadWindow': {
      const { productionId, windowId } = command.data;
      if (!state.windows.has(windowId))
        throw new NotFoundError(`Window ${windowId} was not found`, 'windowId');
      return [{ type: 'LoadWindowRemoved', data: { productionId, windowId } }];
    }
    default:
      return assertNever(command);
  }
}
