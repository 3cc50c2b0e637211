import type {
  Call,
  CallDeadlines,
  CrewEvents,
  CrewRules,
  CrewShift,
  Shift,
  ShiftConflict,
  UnavailablePeriod,
} from '@panggung/contracts';
import { IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';
import { conflictsFor, DEFAULT_CREW_RULES, indexShifts, type ShiftIndex } from './conflicts.ts';
import { ShiftConflictError } from './errors.ts';
import { emptyIdMap, idMapDelete, idMapGet, idMapSet, idMapValues, type IdMap } from './shift-map.ts';
import { formatJakarta, jakartaDay } from './jakarta-time.ts';

/** The stream of one production's crew schedule: shifts, availability, call sheets and acknowledgements. */
export const crewStream = (productionId: string): string => `crew-${productionId}`;

/** Twelve hours to a reminder, twenty-four to an escalation, unless the production says otherwise. */
export const DEFAULT_CALL_DEADLINES: CallDeadlines = { remindAfterMinutes: 720, escalateAfterMinutes: 1440 };

/**
 * What the schedule outside this stream holds near a shift, as the API reads it from the read model:
 * the person's shifts in the organisation's other productions and their unavailable periods.
 */
export interface ScheduleContext {
  readonly shifts: readonly Shift[];
  readonly unavailable: readonly UnavailablePeriod[];
}

type Override = { readonly reason: string } | undefined;

export type CrewCommand =
  | Command<
      'MarkUnavailable',
      {
        productionId: string;
        periodId: string;
        personId: string;
        startsAt: string;
        endsAt: string;
        reason?: string;
      }
    >
  | Command<'ClearUnavailability', { productionId: string; periodId: string }>
  | Command<
      'AssignShift',
      {
        productionId: string;
        shift: CrewShift;
        /** Whether the person is a crew member of the production (the API looks it up). */
        personIsCrew: boolean;
        context: ScheduleContext;
        override?: Override;
      }
    >
  | Command<
      'RescheduleShift',
      {
        productionId: string;
        shiftId: string;
        startsAt: string;
        endsAt: string;
        callAt: string;
        location?: string;
        context: ScheduleContext;
        override?: Override;
      }
    >
  | Command<'RemoveShift', { productionId: string; shiftId: string }>
  | Command<'SetCrewRules', { productionId: string; rules: CrewRules; deadlines?: CallDeadlines }>
  | Command<'PublishCallSheet', { productionId: string; day: string }>
  | Command<'AcknowledgeCall', { productionId: string; day: string; personId: string; version: number }>
  | Command<'SendCallReminders', { productionId: string; day: string; version: number }>
  | Command<'EscalateCalls', { productionId: string; day: string; version: number }>;

export type CrewEvent =
  | DomainEvent<'UnavailabilityMarked', CrewEvents.UnavailabilityMarked>
  | DomainEvent<'UnavailabilityCleared', CrewEvents.UnavailabilityCleared>
  | DomainEvent<'ShiftAssigned', CrewEvents.ShiftAssigned>
  | DomainEvent<'ShiftRescheduled', CrewEvents.ShiftRescheduled>
  | DomainEvent<'ShiftRemoved', CrewEvents.ShiftRemoved>
  | DomainEvent<'CrewRulesSet', CrewEvents.CrewRulesSet>
  | DomainEvent<'CallSheetChanged', CrewEvents.CallSheetChanged>
  | DomainEvent<'CallSheetPublished', CrewEvents.CallSheetPublished>
  | DomainEvent<'CallAcknowledged', CrewEvents.CallAcknowledged>
  | DomainEvent<'CallReminderSent', CrewEvents.CallReminderSent>
  | DomainEvent<'CallEscalated', CrewEvents.CallEscalated>;

export const CREW_EVENT_TYPES: ReadonlySet<string> = new Set<CrewEvent['type']>([
  'UnavailabilityMarked',
  'UnavailabilityCleared',
  'ShiftAssigned',
  'ShiftRescheduled',
  'ShiftRemoved',
  'CrewRulesSet',
  'CallSheetChanged',
  'CallSheetPublished',
  'CallAcknowledged',
  'CallReminderSent',
  'CallEscalated',
]);

/** One published day: the snapshot, and who still owes an acknowledgement of this version. */
export interface PublishedDay {
  readonly version: number;
  readonly publishedAt: string;
  readonly calls: readonly Call[];
  /** Changed since this version was published (a republish is due). */
  readonly changed: boolean;
  readonly acknowledged: readonly string[];
  readonly reminded: readonly string[];
  readonly escalated: readonly string[];
}

export interface CrewState {
  readonly rules: CrewRules;
  readonly deadlines: CallDeadlines;
  /** By shift id; read with `crewShift` and `crewShifts`. */
  readonly shifts: IdMap<CrewShift>;
  readonly unavailable: Readonly<Record<string, UnavailablePeriod>>;
  readonly days: Readonly<Record<string, PublishedDay>>;
  /** Overrides recorded per shift (the latest), for the schedule view. */
  readonly overrides: Readonly<Record<string, string>>;
}

export const initialCrewState: CrewState = {
  rules: DEFAULT_CREW_RULES,
  deadlines: DEFAULT_CALL_DEADLINES,
  shifts: emptyIdMap,
  unavailable: {},
  days: {},
  overrides: {},
};

/** One shift of the production, if it is assigned. */
export const crewShift = (state: CrewState, shiftId: string): CrewShift | undefined =>
  idMapGet(state.shifts, shiftId);

/** Every shift of the production (in no particular order). */
export const crewShifts = (state: CrewState): CrewShift[] => idMapValues(state.shifts);

/** The Jakarta day a shift is called on: its call sheet. */
export const shiftDay = (shift: Pick<CrewShift, 'callAt'>): string => jakartaDay(Date.parse(shift.callAt));

const callOf = (shift: CrewShift): Call => ({
  shiftId: shift.shiftId,
  personId: shift.personId,
  department: shift.department,
  ...(shift.role ? { role: shift.role } : {}),
  key: shift.key,
  callAt: shift.callAt,
  startsAt: shift.startsAt,
  endsAt: shift.endsAt,
  location: shift.location,
});

/** A day's calls as the schedule stands now (not as published), sorted by call time. */
export function currentCalls(state: CrewState, day: string): Call[] {
  return crewShifts(state)
    .filter((shift) => shiftDay(shift) === day)
    .map(callOf)
    .sort((a, b) => Date.parse(a.callAt) - Date.parse(b.callAt) || a.personId.localeCompare(b.personId));
}

/** The people on a published day who have not acknowledged its current version. */
export function pendingAcknowledgements(day: PublishedDay): string[] {
  const people = [...new Set(day.calls.map((call) => call.personId))];
  return people.filter((personId) => !day.acknowledged.includes(personId));
}

export function evolveCrew(state: CrewState, event: CrewEvent): CrewState {
  const withDay = (day: string, change: (current: PublishedDay) => PublishedDay): CrewState => {
    const current = state.days[day];
    return current ? { ...state, days: { ...state.days, [day]: change(current) } } : state;
  };
  switch (event.type) {
    case 'UnavailabilityMarked': {
      const { productionId: _, ...period } = event.data;
      return { ...state, unavailable: { ...state.unavailable, [period.periodId]: period } };
    }
    case 'UnavailabilityCleared': {
      const { [event.data.periodId]: _, ...rest } = state.unavailable;
      return { ...state, unavailable: rest };
    }
    case 'ShiftAssigned':
    case 'ShiftRescheduled': {
      const { shift, override } = event.data;
      return {
        ...state,
        shifts: idMapSet(state.shifts, shift.shiftId, shift),
        overrides: override ? { ...state.overrides, [shift.shiftId]: override.reason } : state.overrides,
      };
    }
    case 'ShiftRemoved':
      return { ...state, shifts: idMapDelete(state.shifts, event.data.shiftId) };
    case 'CrewRulesSet':
      return { ...state, rules: event.data.rules, deadlines: event.data.deadlines };
    case 'CallSheetChanged':
      return withDay(event.data.day, (day) => ({ ...day, changed: true }));
    case 'CallSheetPublished': {
      const { day, version, calls, acknowledgeBy, publishedAt } = event.data;
      const previous = state.days[day];
      const onSheet = new Set(calls.map((call) => call.personId));
      const keep = (list: readonly string[] | undefined) =>
        (list ?? []).filter((personId) => onSheet.has(personId) && !acknowledgeBy.includes(personId));
      return {
        ...state,
        days: {
          ...state.days,
          [day]: {
            version,
            publishedAt,
            calls,
            changed: false,
            acknowledged: keep(previous?.acknowledged),
            reminded: [],
            escalated: [],
          },
        },
      };
    }
    case 'CallAcknowledged':
      return withDay(event.data.day, (day) => ({
        ...day,
        acknowledged: [...day.acknowledged, event.data.personId],
      }));
    case 'CallReminderSent':
      return withDay(event.data.day, (day) => ({ ...day, reminded: [...day.reminded, event.data.personId] }));
    case 'CallEscalated':
      return withDay(event.data.day, (day) => ({
        ...day,
        escalated: [...day.escalated, ...event.data.personIds],
      }));
    default:
      return assertNever(event);
  }
}

function checkTimes(shift: Pick<CrewShift, 'startsAt' | 'endsAt' | 'callAt'>): void {
  const [start, end, call] = [shift.startsAt, shift.endsAt, shift.callAt].map(Date.parse) as [
    number,
    number,
    number,
  ];
  if (Number.isNaN(call)) throw new ValidationError('The call time is not an instant', 'callAt');
  if (end <= start) throw new ValidationError('A shift must end after it starts', 'endsAt');
  if (call > start)
    throw new ValidationError('The call time must be at or before the shift starts', 'callAt');
}

const elsewhere = (context: ScheduleContext, productionId: string): readonly Shift[] =>
  context.shifts.filter((other) => other.productionId !== productionId);

/**
 * The shifts `crewConflicts` checks a shift of `productionId` against, indexed by person once: the
 * schedule view checks each of its shifts against it in O(log n) rather than re-reading every shift
 * (2,000 shifts checked against a 4,000-shift list took most of a second).
 *
 * @example
 * const index = crewShiftIndex(state, context, productionId);
 * shifts.map((shift) => crewConflicts(state, shift, context, index));
 */
export function crewShiftIndex(state: CrewState, context: ScheduleContext, productionId: string): ShiftIndex {
  return indexShifts([...crewShifts(state), ...elsewhere(context, productionId)]);
}

/**
 * Everything wrong with `shift` against the whole organisation's schedule: this production's shifts
 * (from the stream), the others' near it (from `context`), and the person's unavailable periods.
 */
export function crewConflicts(
  state: CrewState,
  shift: CrewShift,
  context: ScheduleContext,
  /** `crewShiftIndex(state, context, shift.productionId)`, built once when checking many shifts. */
  index?: ShiftIndex,
): ShiftConflict[] {
  const conflicts = conflictsFor(
    shift,
    index ?? [...crewShifts(state), ...elsewhere(context, shift.productionId)],
    state.rules,
  );
  const start = Date.parse(shift.startsAt);
  const end = Date.parse(shift.endsAt);
  const periods = new Map<string, UnavailablePeriod>();
  for (const period of [...Object.values(state.unavailable), ...context.unavailable])
    if (period.personId === shift.personId) periods.set(period.periodId, period);
  for (const period of periods.values()) {
    const from = Date.parse(period.startsAt);
    const until = Date.parse(period.endsAt);
    if (from < end && until > start)
      conflicts.push({
        kind: 'unavailable',
        personId: shift.personId,
        shiftIds: [],
        periodId: period.periodId,
        message: `Unavailable ${formatJakarta(from)} – ${formatJakarta(until)}${period.reason ? ` (${period.reason})` : ''}`,
      });
  }
  return conflicts;
}

function overrideFor(
  conflicts: readonly ShiftConflict[],
  override: Override,
  by: string,
): CrewEvents.OverrideRecorded | undefined {
  if (conflicts.length === 0) return undefined;
  if (!override) throw new ShiftConflictError(conflicts);
  if (override.reason.trim().length < 3)
    throw new ValidationError('An override needs a written reason', 'override.reason');
  return { reason: override.reason.trim(), by, conflicts: [...conflicts] };
}

/** `CallSheetChanged` for each published day among `days` (a change there needs a republish). */
function changedDays(
  state: CrewState,
  productionId: string,
  shiftId: string,
  days: readonly string[],
): CrewEvent[] {
  return [...new Set(days)]
    .filter((day) => state.days[day] !== undefined)
    .map((day) => ({ type: 'CallSheetChanged' as const, data: { productionId, day, shiftId } }));
}

function publishedDayOrThrow(state: CrewState, day: string): PublishedDay {
  const published = state.days[day];
  if (!published) throw new NotFoundError(`No call sheet is published for ${day}`, 'day');
  return published;
}

const sameCall = (a: Call, b: Call): boolean =>
  a.callAt === b.callAt &&
  a.startsAt === b.startsAt &&
  a.endsAt === b.endsAt &&
  a.location === b.location &&
  a.department === b.department &&
  a.role === b.role &&
  a.key === b.key &&
  a.personId === b.personId;

export function decideCrew(command: CrewCommand, state: CrewState): CrewEvent[] {
  const by = command.metadata.actor;
  switch (command.type) {
    case 'MarkUnavailable': {
      const { startsAt, endsAt, reason } = command.data;
      if (!(Date.parse(endsAt) > Date.parse(startsAt)))
        throw new ValidationError('An unavailable period must end after it starts', 'endsAt');
      if (state.unavailable[command.data.periodId])
        throw new IllegalStateError('This period is already recorded', 'periodId');
      const { productionId, periodId, personId } = command.data;
      return [
        {
          type: 'UnavailabilityMarked',
          data: { productionId, periodId, personId, startsAt, endsAt, ...(reason ? { reason } : {}) },
        },
      ];
    }
    case 'ClearUnavailability': {
      const period = state.unavailable[command.data.periodId];
      if (!period) throw new NotFoundError('No such unavailable period', 'periodId');
      return [
        {
          type: 'UnavailabilityCleared',
          data: {
            productionId: command.data.productionId,
            periodId: period.periodId,
            personId: period.personId,
          },
        },
      ];
    }
    case 'AssignShift': {
      const { productionId, shift, personIsCrew, context, override } = command.data;
      if (!personIsCrew)
        throw new ValidationError('This person is not a crew member of the production', 'personId');
      if (shift.productionId !== productionId)
        throw new ValidationError('The shift belongs to another production', 'productionId');
      if (crewShift(state, shift.shiftId))
        throw new IllegalStateError('This shift is already assigned', 'shiftId');
      checkTimes(shift);
      const recorded = overrideFor(crewConflicts(state, shift, context), override, by);
      return [
        { type: 'ShiftAssigned', data: { productionId, shift, ...(recorded ? { override: recorded } : {}) } },
        ...changedDays(state, productionId, shift.shiftId, [shiftDay(shift)]),
      ];
    }
    case 'RescheduleShift': {
      const { productionId, shiftId, startsAt, endsAt, callAt, location, context, override } = command.data;
      const current = crewShift(state, shiftId);
      if (!current) throw new NotFoundError(`Shift ${shiftId} was not found`, 'shiftId');
      const shift: CrewShift = {
        ...current,
        startsAt,
        endsAt,
        callAt,
        location: location ?? current.location,
      };
      checkTimes(shift);
      if (sameCall(callOf(shift), callOf(current))) return [];
      const recorded = overrideFor(crewConflicts(state, shift, context), override, by);
      const previous = {
        startsAt: current.startsAt,
        endsAt: current.endsAt,
        callAt: current.callAt,
        location: current.location,
      };
      return [
        {
          type: 'ShiftRescheduled',
          data: { productionId, shift, previous, ...(recorded ? { override: recorded } : {}) },
        },
        ...changedDays(state, productionId, shiftId, [shiftDay(current), shiftDay(shift)]),
      ];
    }
    case 'RemoveShift': {
      const { productionId, shiftId } = command.data;
      const current = crewShift(state, shiftId);
      if (!current) throw new NotFoundError(`Shift ${shiftId} was not found`, 'shiftId');
      const day = shiftDay(current);
      return [
        { type: 'ShiftRemoved', data: { productionId, shiftId, personId: current.personId, day } },
        ...changedDays(state, productionId, shiftId, [day]),
      ];
    }
    case 'SetCrewRules': {
      const { productionId, rules } = command.data;
      const deadlines = command.data.deadlines ?? state.deadlines;
      if (deadlines.escalateAfterMinutes <= deadlines.remindAfterMinutes)
        throw new ValidationError(
          'The escalation must come after the reminder',
          'deadlines.escalateAfterMinutes',
        );
      return [{ type: 'CrewRulesSet', data: { productionId, rules, deadlines } }];
    }
    case 'PublishCallSheet': {
      const { productionId, day } = command.data;
      const calls = currentCalls(state, day);
      const previous = state.days[day];
      if (!previous && calls.length === 0)
        throw new ValidationError(`There are no calls on ${day} to publish`, 'day');
      if (previous && !previous.changed)
        throw new IllegalStateError(`The call sheet of ${day} is already published and unchanged`, 'day');
      const before = new Map((previous?.calls ?? []).map((call) => [call.shiftId, call]));
      const after = new Map(calls.map((call) => [call.shiftId, call]));
      const affected = new Set<string>();
      for (const call of calls) {
        const old = before.get(call.shiftId);
        if (!old || !sameCall(old, call)) {
          affected.add(call.personId);
          if (old) affected.add(old.personId);
        }
      }
      for (const old of before.values()) if (!after.has(old.shiftId)) affected.add(old.personId);
      const onSheet = new Set(calls.map((call) => call.personId));
      const affectedPersonIds = [...affected].sort();
      return [
        {
          type: 'CallSheetPublished',
          data: {
            productionId,
            day,
            version: (previous?.version ?? 0) + 1,
            calls,
            affectedPersonIds,
            acknowledgeBy: affectedPersonIds.filter((personId) => onSheet.has(personId)),
            publishedAt: command.metadata.now,
          },
        },
      ];
    }
    case 'AcknowledgeCall': {
      const { productionId, day, personId, version } = command.data;
      const published = publishedDayOrThrow(state, day);
      if (!published.calls.some((call) => call.personId === personId))
        throw new NotFoundError(`You have no call on ${day}`, 'personId');
      if (version !== published.version)
        throw new IllegalStateError(
          `The call sheet of ${day} is at version ${published.version}; you saw version ${version}. Reload it.`,
          'version',
        );
      if (published.acknowledged.includes(personId))
        throw new IllegalStateError(`Your call on ${day} is already acknowledged`, 'personId');
      return [
        {
          type: 'CallAcknowledged',
          data: { productionId, day, version, personId, acknowledgedAt: command.metadata.now },
        },
      ];
    }
    case 'SendCallReminders': {
      const { productionId, day, version } = command.data;
      const published = publishedDayOrThrow(state, day);
      // A newer version has its own workflow; reminding of an old one would confuse people.
      if (published.version !== version) return [];
      return pendingAcknowledgements(published)
        .filter((personId) => !published.reminded.includes(personId))
        .map((personId) => ({
          type: 'CallReminderSent' as const,
          data: { productionId, day, version, personId },
        }));
    }
    case 'EscalateCalls': {
      const { productionId, day, version } = command.data;
      const published = publishedDayOrThrow(state, day);
      if (published.version !== version) return [];
      const personIds = pendingAcknowledgements(published).filter((p) => !published.escalated.includes(p));
      return personIds.length === 0
        ? []
        : [{ type: 'CallEscalated', data: { productionId, day, version, personIds } }];
    }
    default:
      return assertNever(command);
  }
}

/**
 * What the phases' show-day gate asks of the crew: the days that have shifts but no published call
 * sheet (or changes not yet republished), and the calls not yet acknowledged on published days.
 *
 * @example
 * callReadiness(state) // { daysWithoutPublishedCall: ['2027-03-14'], unacknowledged: [] }
 */
export function callReadiness(state: CrewState): {
  daysWithoutPublishedCall: string[];
  unacknowledged: { personId: string; day: string; key: boolean }[];
} {
  const days = new Set(crewShifts(state).map(shiftDay));
  for (const [day, published] of Object.entries(state.days)) if (published.changed) days.add(day);
  const daysWithoutPublishedCall = [...days]
    .filter((day) => {
      const published = state.days[day];
      return !published || published.changed;
    })
    .sort();
  const unacknowledged: { personId: string; day: string; key: boolean }[] = [];
  for (const day of Object.keys(state.days).sort()) {
    const published = state.days[day]!;
    for (const personId of pendingAcknowledgements(published))
      unacknowledged.push({
        personId,
        day,
        key: published.calls.some((call) => call.personId === personId && call.key),
      });
  }
  return { daysWithoutPublishedCall, unacknowledged };
}
