import type { CheckinDay, VendorArrivalRecorded } from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const base = (productionId: string) => `/api/productions/${encodeURIComponent(productionId)}/checkin`;

/** One day's calls and arrivals (WIB; today when `day` is absent). */
export const getCheckin = (productionId: string, day?: string) =>
  requestJson<CheckinDay>(
    'GET',
    day ? `${base(productionId)}?day=${encodeURIComponent(day)}` : base(productionId),
  );

/** Checks in the signed-in person, or (a manager) `personId`, against today's call. */
export const checkIn = (productionId: string, personId?: string) =>
  requestJson<CheckinDay>('POST', base(productionId), personId ? { personId } : {});

/** Records a vendor's arrival today (managers and the show caller; a vendor person for its own company). */
export const recordVendorArrival = (productionId: string, vendorId: string, note?: string) =>
  requestJson<VendorArrivalRecorded>('POST', `${base(productionId)}/vendors`, {
    vendorId,
    ...(note ? { note } : {}),
  });
