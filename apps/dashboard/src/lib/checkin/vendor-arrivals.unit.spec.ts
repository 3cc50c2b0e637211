import type { VendorArrivalEntry } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { canMarkVendorArrived, vendorArrivalCounts } from './vendor-arrivals.ts';

const waiting: VendorArrivalEntry = { vendorId: '00000000-0000-4000-8000-00000000a0d1', name: 'Suara Prima' };
const arrived: VendorArrivalEntry = {
  vendorId: '00000000-0000-4000-8000-00000000a0d2',
  name: 'Cahaya Panggung',
  arrivedAt: '2027-03-14T03:00:00.000Z',
  by: '00000000-0000-4000-8000-0000000000a4',
};

describe('vendor arrivals', () => {
  it('are marked by managers and the show caller, once', () => {
    expect(canMarkVendorArrived(waiting, ['production_manager'])).toBe(true);
    expect(canMarkVendorArrived(waiting, ['show_caller'])).toBe(true);
    expect(canMarkVendorArrived(waiting, ['org_admin'])).toBe(true);
    expect(canMarkVendorArrived(waiting, ['crew', 'finance_approver'])).toBe(false);
    expect(canMarkVendorArrived(arrived, ['production_manager'])).toBe(false);
  });

  it('counts who arrived of all', () => {
    expect(vendorArrivalCounts([waiting, arrived])).toEqual({ arrived: 1, total: 2 });
    expect(vendorArrivalCounts([])).toEqual({ arrived: 0, total: 0 });
  });
});
