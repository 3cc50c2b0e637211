import type {
  AssignShiftBody,
  CallSheet,
  CalendarToken,
  CrewSchedule,
  RescheduleShiftBody,
} from '@panggung/contracts';
import type { ShiftConflict, ShiftConflictBody } from '@panggung/contracts';
import { ApiRequestError, requestJson } from '../api/client.ts';

/** A shift refused for its conflicts (409 `SHIFT_CONFLICT`), with the list for the form to show. */
export class ShiftConflictRequestError extends ApiRequestError {
  constructor(
    readonly conflicts: readonly ShiftConflict[],
    message: string,
  ) {
    super(409, 'SHIFT_CONFLICT', message);
  }
}

/** As `requestJson`, but a 409 keeps the conflicts its body lists. */
async function shiftRequest(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<CrewSchedule> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiRequestError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  const parsed = (await response.json().catch(() => undefined)) as Partial<ShiftConflictBody> | undefined;
  if (response.ok) return parsed as CrewSchedule;
  if (parsed?.code === 'SHIFT_CONFLICT' && parsed.message)
    throw new ShiftConflictRequestError(parsed.conflicts ?? [], parsed.message);
  throw new ApiRequestError(
    response.status,
    parsed?.code ?? `HTTP_${response.status}`,
    parsed?.message ?? (response.statusText || 'Request failed'),
    parsed?.field,
  );
}

const enc = encodeURIComponent;
const base = (productionId: string) => `/api/productions/${enc(productionId)}/crew`;

/** The crew schedule: shifts with conflicts, each day's call sheet status, the crew members. */
export const getSchedule = (productionId: string) => requestJson<CrewSchedule>('GET', base(productionId));

/** Refused with 409 `SHIFT_CONFLICT` when the shift conflicts (see `conflictsOf`). */
export const assignShift = (productionId: string, body: AssignShiftBody) =>
  shiftRequest('POST', `${base(productionId)}/shifts`, body);

export const rescheduleShift = (productionId: string, shiftId: string, body: RescheduleShiftBody) =>
  shiftRequest('PATCH', `${base(productionId)}/shifts/${enc(shiftId)}`, body);

export const removeShift = (productionId: string, shiftId: string) =>
  requestJson<CrewSchedule>('DELETE', `${base(productionId)}/shifts/${enc(shiftId)}`);

export const getCallSheet = (productionId: string, day: string) =>
  requestJson<CallSheet>('GET', `${base(productionId)}/call-sheets/${enc(day)}`);

export const publishCallSheet = (productionId: string, day: string) =>
  requestJson<CallSheet>('POST', `${base(productionId)}/call-sheets/${enc(day)}/publish`);

export const acknowledgeCall = (productionId: string, day: string, personId: string, version: number) =>
  requestJson<CallSheet>('POST', `${base(productionId)}/call-sheets/${enc(day)}/acknowledge`, {
    personId,
    version,
  });

/** A new secret calendar-feed address (the previous one stops working). */
export const newCalendarToken = () => requestJson<CalendarToken>('POST', '/api/me/calendar-token');
