import type { ProductionStatus } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import { GateNotMetError } from './errors.ts';
import { describeCondition, gateChecks, gateFor, nextPhase, type GateFacts } from './gate.ts';
import { ayuId, metadata, nothing, productionId, ready } from './phase.fixtures.ts';
import { decidePhase, evolvePhase, initialPhaseState, type PhaseCommand, type PhaseEvent } from './phase.ts';

const spec = specification(decidePhase, evolvePhase, initialPhaseState);
const changed = (from: ProductionStatus, to: ProductionStatus): PhaseEvent => ({
  type: 'ProductionPhaseChanged',
  data: { productionId, from, to },
});
/** The production's events up to (and in) `phase`. */
const reached = (phase: ProductionStatus): PhaseEvent[] => {
  const events: PhaseEvent[] = [];
  for (let at: ProductionStatus = 'planning'; at !== phase;) {
    const next: ProductionStatus = nextPhase(at)!;
    events.push(changed(at, next));
    at = next;
  }
  return events;
};
const advance = (to: ProductionStatus, facts: GateFacts = ready): PhaseCommand => ({
  type: 'AdvancePhase',
  data: { productionId, to, facts },
  metadata,
});
const force = (to: ProductionStatus, reason: string, facts: GateFacts = nothing): PhaseCommand => ({
  type: 'ForceGate',
  data: { productionId, to, reason, byPersonId: ayuId, facts },
  metadata,
});

/** The refusal a command gets, to look at the missing conditions. */
function refusal(events: PhaseEvent[], command: PhaseCommand): GateNotMetError {
  const state = events.reduce(evolvePhase, initialPhaseState);
  try {
    decidePhase(command, state);
  } catch (error) {
    if (error instanceof GateNotMetError) return error;
    throw error;
  }
  throw new Error('the command should have been refused');
}

describe('AdvancePhase: planning → pre-production', () => {
  it('passes with budget estimates and required vendor categories', () =>
    spec
      .given([])
      .when(advance('pre_production'))
      .then([changed('planning', 'pre_production')]));
  it('refuses without budget estimates or required categories, naming both', () => {
    spec
      .given([])
      .when(advance('pre_production', nothing))
      .thenThrows('ILLEGAL_STATE', /not met/);
    expect(refusal([], advance('pre_production', nothing)).missing).toEqual([
      { code: 'budget_estimates_missing' },
      { code: 'required_categories_missing' },
    ]);
  });
});

describe('AdvancePhase: pre-production → technical rehearsal', () => {
  it('passes when the required categories are signed and checklists exist', () =>
    spec
      .given(reached('pre_production'))
      .when(advance('technical_rehearsal'))
      .then([changed('pre_production', 'technical_rehearsal')]));
  it('refuses naming each unsigned category and the missing checklists', () => {
    const facts: GateFacts = {
      ...ready,
      signedCategories: ['lighting'],
      technical: { ...ready.technical, checklists: 0 },
    };
    expect(refusal(reached('pre_production'), advance('technical_rehearsal', facts)).missing).toEqual([
      { code: 'vendor_category_unsigned', category: 'sound' },
      { code: 'technical_checklists_missing' },
    ]);
  });
});

describe('AdvancePhase: technical rehearsal → show day', () => {
  it('passes when everything is ready', () =>
    spec
      .given(reached('technical_rehearsal'))
      .when(advance('show_day'))
      .then([changed('technical_rehearsal', 'show_day')]));
  it('refuses naming every missing condition: contracts, calls, key acknowledgements, technical, budget', () => {
    const facts: GateFacts = {
      ...ready,
      signedCategories: ['sound'],
      calls: {
        anyPublished: true,
        daysWithoutPublishedCall: ['2027-03-13'],
        unacknowledged: [
          { personId: '00000000-0000-4000-8000-000000000401', day: '2027-03-14', key: true },
          { personId: '00000000-0000-4000-8000-000000000402', day: '2027-03-14', key: false },
        ],
      },
      technical: {
        checklists: 2,
        departmentsNotSignedOff: ['lighting'],
        openChecklistItems: 4,
        openRehearsalIssues: 1,
      },
      budget: { overWithoutApproval: ['catering'] },
    };
    expect(refusal(reached('technical_rehearsal'), advance('show_day', facts)).missing).toEqual([
      { code: 'vendor_category_unsigned', category: 'lighting' },
      { code: 'call_sheet_unpublished', day: '2027-03-13' },
      {
        code: 'key_call_unacknowledged',
        personId: '00000000-0000-4000-8000-000000000401',
        day: '2027-03-14',
      },
      { code: 'technical_department_not_signed_off', department: 'lighting' },
      { code: 'technical_checklist_items_open', count: 4 },
      { code: 'rehearsal_issues_open', count: 1 },
      { code: 'budget_category_over_without_approval', category: 'catering' },
    ]);
  });
  it('refuses when no call sheet is published at all', () =>
    expect(
      refusal(
        reached('technical_rehearsal'),
        advance('show_day', { ...ready, calls: { ...ready.calls, anyPublished: false } }),
      ).missing,
    ).toEqual([{ code: 'crew_calls_unpublished' }]));
  it('does not hold the show for an unacknowledged call of a crew member who is not key', () =>
    spec
      .given(reached('technical_rehearsal'))
      .when(
        advance('show_day', {
          ...ready,
          calls: {
            ...ready.calls,
            unacknowledged: [
              { personId: '00000000-0000-4000-8000-000000000402', day: '2027-03-14', key: false },
            ],
          },
        }),
      )
      .then([changed('technical_rehearsal', 'show_day')]));
});

describe('AdvancePhase: show day → wrap-up → closed', () => {
  it('wraps up after the show with no conditions', () =>
    spec
      .given(reached('show_day'))
      .when(advance('wrap_up', nothing))
      .then([changed('show_day', 'wrap_up')]));
  it('refuses to close while vendor payment milestones are unpaid', () =>
    expect(
      refusal(reached('wrap_up'), advance('closed', { ...ready, settlement: { unpaidMilestones: 3 } }))
        .missing,
    ).toEqual([{ code: 'settlement_open', unpaidMilestones: 3 }]));
  it('closes once the settlement is done', () =>
    spec
      .given(reached('wrap_up'))
      .when(advance('closed'))
      .then([changed('wrap_up', 'closed')]));
});

describe('only the next phase', () => {
  it('refuses skipping a phase', () =>
    spec
      .given([])
      .when(advance('show_day'))
      .thenThrows('ILLEGAL_STATE', /moves only to pre_production/, 'to'));
  it('refuses going back', () =>
    spec
      .given(reached('show_day'))
      .when(advance('pre_production'))
      .thenThrows('ILLEGAL_STATE', /moves only to wrap_up/, 'to'));
  it('refuses the same phase again', () =>
    spec
      .given([])
      .when(advance('planning'))
      .thenThrows('ILLEGAL_STATE', /not to planning/, 'to'));
  it('refuses anything once closed', () =>
    spec
      .given(reached('closed'))
      .when(advance('closed'))
      .thenThrows('ILLEGAL_STATE', /no further phase/));
  it('refuses skipping even when forced', () =>
    spec
      .given([])
      .when(force('technical_rehearsal', 'Klien minta dipercepat'))
      .thenThrows('ILLEGAL_STATE', undefined, 'to'));
});

describe('ForceGate', () => {
  it('moves on with the reason, who forced, and what was missing recorded', () =>
    spec
      .given(reached('technical_rehearsal'))
      .when(
        force('show_day', '  Vendor lighting tanda tangan besok pagi, sudah dikonfirmasi  ', {
          ...ready,
          signedCategories: ['sound'],
        }),
      )
      .then([
        {
          type: 'ProductionPhaseChanged',
          data: {
            productionId,
            from: 'technical_rehearsal',
            to: 'show_day',
            forced: {
              reason: 'Vendor lighting tanda tangan besok pagi, sudah dikonfirmasi',
              byPersonId: ayuId,
              missing: [{ code: 'vendor_category_unsigned', category: 'lighting' }],
            },
          },
        },
      ]));
  it('refuses a reason shorter than 10 characters (spaces do not count)', () =>
    spec
      .given(reached('technical_rehearsal'))
      .when(force('show_day', '   besok     '))
      .thenThrows('VALIDATION', /at least 10 characters/, 'reason'));
});

describe('gateChecks', () => {
  it('lists met conditions too, for the readiness checklist', () =>
    expect(
      gateChecks('pre_production', 'technical_rehearsal', { ...ready, signedCategories: ['sound'] }),
    ).toEqual([
      { condition: { code: 'required_categories_missing' }, met: true },
      { condition: { code: 'vendor_category_unsigned', category: 'sound' }, met: true },
      { condition: { code: 'vendor_category_unsigned', category: 'lighting' }, met: false },
      { condition: { code: 'technical_checklists_missing' }, met: true },
    ]));
  it('has no gate for a move that is not to the next phase', () =>
    expect(gateFor('planning', 'show_day', nothing)).toEqual([]));
  it('describes each condition in English', () =>
    expect(describeCondition({ code: 'vendor_category_unsigned', category: 'sound' })).toBe(
      'A sound contract is signed',
    ));
});
