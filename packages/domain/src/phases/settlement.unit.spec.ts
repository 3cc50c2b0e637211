import { describe, expect, it } from 'vitest';
import { unpaidMilestones, type SignedContract } from './settlement.ts';

const contractId = '66666666-6666-4666-8666-666666666666';
const vendorId = '55555555-5555-4555-8555-555555555555';
const sound: SignedContract = {
  contractId,
  vendorId,
  category: 'sound',
  milestones: [
    { kind: 'settlement', amount: 44_400_000, dueOn: '2027-03-21' },
    { kind: 'down_payment', amount: 44_400_000, dueOn: '2027-02-01' },
  ],
};
const unpaid = (kind: 'down_payment' | 'settlement', dueOn: string) => ({
  contractId,
  vendorId,
  category: 'sound',
  kind,
  amount: 44_400_000,
  dueOn,
});

describe('unpaidMilestones', () => {
  it('lists every milestone of a contract nothing was paid on, down payment first', () =>
    expect(unpaidMilestones([sound], [])).toEqual([
      unpaid('down_payment', '2027-02-01'),
      unpaid('settlement', '2027-03-21'),
    ]));
  it('settles milestones in order as payments reach them', () =>
    expect(unpaidMilestones([sound], [{ contractId, amount: 44_400_000 }])).toEqual([
      unpaid('settlement', '2027-03-21'),
    ]));
  it('keeps a partly paid milestone open', () =>
    expect(unpaidMilestones([sound], [{ contractId, amount: 80_000_000 }])).toHaveLength(1));
  it('ignores payments to other contracts', () =>
    expect(unpaidMilestones([sound], [{ amount: 88_800_000 }])).toHaveLength(2));
  it('is empty once everything is paid', () =>
    expect(unpaidMilestones([sound], [{ contractId, amount: 88_800_000 }])).toEqual([]));
});
