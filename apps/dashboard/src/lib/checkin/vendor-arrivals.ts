import type { Role, VendorArrivalEntry } from '@panggung/contracts';

/** Who records any vendor's arrival from the list (the domain's `RecordVendorArrival`). */
const RECEIVING: readonly Role[] = ['org_admin', 'production_manager', 'show_caller'];

/** Whether this viewer may press "mark arrived" on a vendor that has not arrived yet. */
export const canMarkVendorArrived = (entry: VendorArrivalEntry, roles: readonly Role[]): boolean =>
  !entry.arrivedAt && roles.some((role) => RECEIVING.includes(role));

/** How many of the production's vendors have arrived, for the summary line. */
export function vendorArrivalCounts(vendors: readonly VendorArrivalEntry[]): {
  arrived: number;
  total: number;
} {
  return { arrived: vendors.filter((v) => v.arrivedAt).length, total: vendors.length };
}
