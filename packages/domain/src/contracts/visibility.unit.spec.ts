import { describe, expect, it } from 'vitest';
import { canSeeProcurementEvent } from './visibility.ts';

const vendor = { personId: 'hendra', partyId: 'suara' };
const client = { personId: 'maya', partyId: 'sinar' };
const me = { personId: 'ayu' };
const event = (type: string, data: object = {}) => ({ type, data: { vendorId: 'suara', ...data } });

describe('canSeeProcurementEvent (proposed)', () => {
  it('leaves event types it does not know to the general rule', () =>
    expect(canSeeProcurementEvent({ type: 'ProductionCreated', data: {} }, me, ['crew'])).toBeUndefined());
  it('shows a vendor its own invitation, quotes and contract steps, not another vendor’s', () => {
    expect(canSeeProcurementEvent(event('RfqVendorInvited'), vendor, ['vendor'])).toBe(true);
    expect(canSeeProcurementEvent(event('QuoteSubmitted'), vendor, ['vendor'])).toBe(true);
    expect(
      canSeeProcurementEvent(event('ApprovalStepApproved', { step: 'manager_review' }), vendor, ['vendor']),
    ).toBe(true);
    expect(canSeeProcurementEvent(event('QuoteSubmitted', { vendorId: 'gema' }), vendor, ['vendor'])).toBe(
      false,
    );
    expect(canSeeProcurementEvent(event('RfqIssued'), vendor, ['vendor'])).toBe(false);
  });
  it('never shows a vendor the budget check, the overrun step or the internal process', () => {
    expect(
      canSeeProcurementEvent(event('BudgetOverrunFlagged', { step: 'budget_check' }), vendor, ['vendor']),
    ).toBe(false);
    expect(
      canSeeProcurementEvent(event('ApprovalStepOpened', { step: 'finance_overrun' }), vendor, ['vendor']),
    ).toBe(false);
    expect(
      canSeeProcurementEvent(event('ApprovalEscalated', { step: 'manager_review' }), vendor, ['vendor']),
    ).toBe(false);
    expect(canSeeProcurementEvent(event('BudgetCommitted'), vendor, ['vendor'])).toBe(false);
  });
  it('shows a client contract events only from its own step on', () => {
    expect(
      canSeeProcurementEvent(event('ApprovalStepOpened', { step: 'client_approval' }), client, ['client']),
    ).toBe(true);
    expect(
      canSeeProcurementEvent(event('ApprovalStepOpened', { step: 'manager_review' }), client, ['client']),
    ).toBe(false);
    expect(canSeeProcurementEvent(event('ContractDrafted'), client, ['client'])).toBe(false);
    expect(
      canSeeProcurementEvent(
        event('ContractSigned', { approvedSteps: ['manager_review', 'client_approval'] }),
        client,
        ['client'],
      ),
    ).toBe(true);
    expect(
      canSeeProcurementEvent(event('ContractSigned', { approvedSteps: ['manager_review'] }), client, [
        'client',
      ]),
    ).toBe(false);
  });
  it('never shows a client budget figures', () => {
    expect(
      canSeeProcurementEvent(event('BudgetCheckPassed', { step: 'budget_check' }), client, ['client']),
    ).toBe(false);
    expect(canSeeProcurementEvent(event('BudgetEstimateSet'), client, ['client'])).toBe(false);
  });
  it('shows budget figures to managers and finance, not to crew', () => {
    expect(canSeeProcurementEvent(event('BudgetCommitted'), me, ['finance_approver'])).toBe(true);
    expect(canSeeProcurementEvent(event('BudgetOverrunFlagged'), me, ['production_manager'])).toBe(true);
    expect(canSeeProcurementEvent(event('BudgetCommitted'), me, ['crew'])).toBe(false);
    expect(canSeeProcurementEvent(event('ContractSigned'), me, ['crew'])).toBe(true);
  });
  it('shows nothing to someone outside the production', () =>
    expect(canSeeProcurementEvent(event('ContractSigned'), me, [])).toBe(false));
});
