import type { CheckinEvents, CheckinStatus, Department, Role } from '@panggung/contracts';
import { formatJakarta, jakartaDay } from '../crew/jakarta-time.ts';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';

/** The stream of one production's crew arrivals. */
export const checkinStream = (productionId: string): string => `checkin-${productionId}`;

/** A person's call as check-in sees it (from the crew schedule's `crew_shifts`). */
export interface CrewCall {
  readonly shiftId: string;
  readonly personId: string;
  readonly department: Department;
  readonly callAt: string;
}

export interface CheckinActor {
  readonly personId: string;
  readonly roles: readonly Role[];
  /** A vendor person's company (their `partyId` is the vendor's id). */
  readonly partyId?: string;
}

/** A vendor of the production as arrivals see it: its contracts in the production that are not withdrawn. */
export interface ProductionVendor {
  readonly vendorId: string;
  readonly contractIds: readonly string[];
}

export type CheckinCommand =
  | Command<
      'CheckIn',
      {
        by: CheckinActor;
        productionId: string;
        personId: string;
        /** The person's calls on the Jakarta day of `now` (the API reads them from the crew schedule). */
        callsToday: readonly CrewCall[];
      }
    >
  | Command<'SetCheckinGrace', { by: CheckinActor; productionId: string; graceMinutes: number }>
  | Command<
      'RecordVendorArrival',
      {
        by: CheckinActor;
        productionId: string;
        vendorId: string;
        contractId?: string;
        note?: string;
        /** The production's vendors with a contract that is not withdrawn (the API reads them). */
        vendors: readonly ProductionVendor[];
      }
    >;

export type CheckinEvent =
  | DomainEvent<'CrewCheckedIn', CheckinEvents.CrewCheckedIn>
  | DomainEvent<'CheckinGraceSet', CheckinEvents.CheckinGraceSet>
  | DomainEvent<'VendorArrived', CheckinEvents.VendorArrived>;

export const CHECKIN_EVENT_TYPES: ReadonlySet<string> = new Set<CheckinEvent['type']>([
  'CrewCheckedIn',
  'CheckinGraceSet',
  'VendorArrived',
]);

/** One arrival: a person on a Jakarta day. */
export interface Arrival {
  readonly personId: string;
  readonly day: string;
  readonly at: string;
  readonly by: string;
}

/** A vendor's arrival on a Jakarta day. */
export interface VendorArrival {
  readonly vendorId: string;
  readonly day: string;
  readonly at: string;
  readonly by: string;
  readonly note?: string;
}

export interface CheckinState {
  readonly graceMinutes: number;
  readonly arrivals: readonly Arrival[];
  readonly vendorArrivals: readonly VendorArrival[];
}

export const initialCheckinState: CheckinState = { graceMinutes: 0, arrivals: [], vendorArrivals: [] };

export function evolveCheckin(state: CheckinState, event: CheckinEvent): CheckinState {
  switch (event.type) {
    case 'CrewCheckedIn': {
      const { personId, day, at, by } = event.data;
      return { ...state, arrivals: [...state.arrivals, { personId, day, at, by }] };
    }
    case 'CheckinGraceSet':
      return { ...state, graceMinutes: event.data.graceMinutes };
    case 'VendorArrived': {
      const { vendorId, day, at, by, note } = event.data;
      const arrival = { vendorId, day, at, by, ...(note === undefined ? {} : { note }) };
      return { ...state, vendorArrivals: [...state.vendorArrivals, arrival] };
    }
    default:
      return assertNever(event);
  }
}

const MANAGING: readonly Role[] = ['org_admin', 'production_manager'];
/** Who records any vendor's arrival on show day. */
const RECEIVING: readonly Role[] = [...MANAGING, 'show_caller'];
const MINUTE = 60_000;

/** The earliest call, or undefined. */
function firstCall(calls: readonly CrewCall[]): CrewCall | undefined {
  return [...calls].sort((a, b) => Date.parse(a.callAt) - Date.parse(b.callAt))[0];
}

/** Whole minutes from the call to `at` (0 when on time or early). */
const minutesAfter = (callAt: string, at: string) =>
  Math.max(0, Math.floor((Date.parse(at) - Date.parse(callAt)) / MINUTE));

/** Late: after the call plus the grace. */
const isLate = (callAt: string, at: string, graceMinutes: number) =>
  Date.parse(at) > Date.parse(callAt) + graceMinutes * MINUTE;

/**
 * Crew check-in: a person checks in on arrival (themself, or a production manager for them) against their
 * first call of the day; arriving after the call plus the production's grace (default 0) is flagged late.
 */
export function decideCheckin(command: CheckinCommand, state: CheckinState): CheckinEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'CheckIn': {
      const { by, productionId, personId, callsToday } = command.data;
      const self = by.personId === personId;
      const manager = by.roles.some((role) => MANAGING.includes(role));
      if (!self && !manager) throw new ForbiddenError('Only a production manager may check in someone else');
      if (self && !manager && !by.roles.includes('crew'))
        throw new ForbiddenError('Only crew members check in against a call');
      const day = jakartaDay(Date.parse(now));
      const call = firstCall(
        callsToday.filter((c) => c.personId === personId && jakartaDay(Date.parse(c.callAt)) === day),
      );
      if (!call) throw new ValidationError(`There is no call for this person on ${day} (WIB)`, 'personId');
      const already = state.arrivals.find((a) => a.personId === personId && a.day === day);
      if (already)
        throw new IllegalStateError(
          `Already checked in on ${day} at ${formatJakarta(Date.parse(already.at))}`,
          'personId',
        );
      const late = isLate(call.callAt, now, state.graceMinutes);
      return [
        {
          type: 'CrewCheckedIn',
          data: {
            productionId,
            personId,
            day,
            shiftId: call.shiftId,
            callAt: call.callAt,
            at: now,
            by: by.personId,
            late,
            minutesLate: late ? minutesAfter(call.callAt, now) : 0,
          },
        },
      ];
    }
    case 'SetCheckinGrace': {
      const { by, productionId, graceMinutes } = command.data;
      if (!by.roles.some((role) => MANAGING.includes(role)))
        throw new ForbiddenError('Only a production manager may set the check-in grace');
      if (!Number.isInteger(graceMinutes) || graceMinutes < 0)
        throw new ValidationError('The grace must be a whole number of minutes, 0 or more', 'graceMinutes');
      if (graceMinutes === state.graceMinutes) return [];
      return [{ type: 'CheckinGraceSet', data: { productionId, graceMinutes, by: by.personId } }];
    }
    case 'RecordVendorArrival':
      return recordVendorArrival(command.data, now, state);
    default:
      return assertNever(command);
  }
}

/**
 * A vendor's arrival on show day, recorded by a manager or the show caller, or by a person of that vendor
 * for its own company; once per Jakarta day, for a vendor with a contract in the production.
 */
function recordVendorArrival(
  data: Extract<CheckinCommand, { type: 'RecordVendorArrival' }>['data'],
  now: string,
  state: CheckinState,
): CheckinEvent[] {
  const { by, productionId, vendorId, contractId, note, vendors } = data;
  const receiving = by.roles.some((role) => RECEIVING.includes(role));
  const ownCompany = by.roles.includes('vendor') && by.partyId === vendorId;
  if (!receiving && !ownCompany)
    throw new ForbiddenError(
      'Only a production manager, the show caller or the vendor itself may record a vendor’s arrival',
    );
  const vendor = vendors.find((v) => v.vendorId === vendorId);
  if (!vendor) throw new NotFoundError(`Vendor ${vendorId} has no contract in this production`, 'vendorId');
  if (contractId !== undefined && !vendor.contractIds.includes(contractId))
    throw new NotFoundError(
      `Contract ${contractId} is not a contract of vendor ${vendorId} here`,
      'contractId',
    );
  const trimmed = note?.trim();
  if (note !== undefined && !trimmed) throw new ValidationError('The note must not be blank', 'note');
  const day = jakartaDay(Date.parse(now));
  const already = state.vendorArrivals.find((a) => a.vendorId === vendorId && a.day === day);
  if (already)
    throw new IllegalStateError(
      `Vendor ${vendorId} already arrived on ${day} at ${formatJakarta(Date.parse(already.at))}`,
      'vendorId',
    );
  return [
    {
      type: 'VendorArrived',
      data: {
        productionId,
        vendorId,
        ...(contractId === undefined ? {} : { contractId }),
        day,
        at: now,
        by: by.personId,
        ...(trimmed ? { note: trimmed } : {}),
      },
    },
  ];
}

/** A vendor's line on a day's arrivals list. */
export interface VendorArrivalLine {
  readonly vendorId: string;
  readonly name: string;
  readonly arrivedAt?: string;
  readonly by?: string;
  readonly note?: string;
}

/**
 * The production's vendors on `day` (Jakarta) with their arrival, if any, by name.
 *
 * @example
 * vendorArrivalLines([{ vendorId: sound, name: 'Suara Prima' }], arrivals, '2027-03-14')
 * // [{ vendorId: sound, name: 'Suara Prima', arrivedAt: '2027-03-14T03:00:00.000Z', by: ayu }]
 */
export function vendorArrivalLines(
  vendors: readonly { readonly vendorId: string; readonly name: string }[],
  arrivals: readonly VendorArrival[],
  day: string,
): VendorArrivalLine[] {
  return [...vendors]
    .sort((a, b) => a.name.localeCompare(b.name) || a.vendorId.localeCompare(b.vendorId))
    .map(({ vendorId, name }) => {
      const arrival = arrivals.find((a) => a.vendorId === vendorId && a.day === day);
      if (!arrival) return { vendorId, name };
      return {
        vendorId,
        name,
        arrivedAt: arrival.at,
        by: arrival.by,
        ...(arrival.note === undefined ? {} : { note: arrival.note }),
      };
    });
}

/** One person's line on a day's check-in list. */
export interface CheckinLine {
  readonly personId: string;
  readonly department: Department;
  readonly shiftId: string;
  readonly callAt: string;
  readonly checkedInAt?: string;
  readonly checkedInBy?: string;
  readonly status: CheckinStatus;
  readonly minutesLate?: number;
}

/**
 * Who is expected on `day` (Jakarta) and whether they came, at `now`: one line per person with a call that
 * day (their first), by call time. Checked in: `on_time` or `late` (after call + grace). Not checked in:
 * `missing` once the call plus grace has passed at `now`, else `not_yet_due`.
 *
 * @example
 * checkinLines(calls, arrivals, '2027-03-14', '2027-03-14T08:10:00Z', 0)
 * // [{ personId: eko, callAt: '2027-03-14T08:00:00Z', status: 'missing', minutesLate: 10, … }]
 */
export function checkinLines(
  calls: readonly CrewCall[],
  arrivals: readonly Arrival[],
  day: string,
  now: string,
  graceMinutes: number,
): CheckinLine[] {
  const first = new Map<string, CrewCall>();
  for (const call of calls) {
    if (jakartaDay(Date.parse(call.callAt)) !== day) continue;
    const known = first.get(call.personId);
    if (!known || Date.parse(call.callAt) < Date.parse(known.callAt)) first.set(call.personId, call);
  }
  return [...first.values()]
    .sort((a, b) => Date.parse(a.callAt) - Date.parse(b.callAt) || a.personId.localeCompare(b.personId))
    .map((call) => {
      const base = {
        personId: call.personId,
        department: call.department,
        shiftId: call.shiftId,
        callAt: call.callAt,
      };
      const arrival = arrivals.find((a) => a.personId === call.personId && a.day === day);
      if (arrival) {
        const late = isLate(call.callAt, arrival.at, graceMinutes);
        return {
          ...base,
          checkedInAt: arrival.at,
          checkedInBy: arrival.by,
          status: late ? 'late' : 'on_time',
          ...(late ? { minutesLate: minutesAfter(call.callAt, arrival.at) } : {}),
        };
      }
      return isLate(call.callAt, now, graceMinutes)
        ? { ...base, status: 'missing', minutesLate: minutesAfter(call.callAt, now) }
        : { ...base, status: 'not_yet_due' };
    });
}
