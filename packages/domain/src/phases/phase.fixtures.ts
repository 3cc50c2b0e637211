import type { GateFacts } from './gate.ts';

export const productionId = '11111111-1111-4111-8111-111111111111';
export const ayuId = '00000000-0000-4000-8000-000000000201';
export const dimasId = '00000000-0000-4000-8000-000000000301';
export const metadata = { actor: `person:${ayuId}`, now: '2027-03-10T09:00:00+07:00' };

/** Facts of a production ready for every gate. */
export const ready: GateFacts = {
  estimatedCategories: ['sound', 'lighting'],
  requiredCategories: ['sound', 'lighting'],
  signedCategories: ['sound', 'lighting'],
  calls: { anyPublished: true, daysWithoutPublishedCall: [], unacknowledged: [] },
  technical: { checklists: 3, departmentsNotSignedOff: [], openChecklistItems: 0, openRehearsalIssues: 0 },
  budget: { overWithoutApproval: [] },
  settlement: { unpaidMilestones: 0 },
};

/** Facts of a production where nothing has happened yet. */
export const nothing: GateFacts = {
  estimatedCategories: [],
  requiredCategories: [],
  signedCategories: [],
  calls: { anyPublished: false, daysWithoutPublishedCall: [], unacknowledged: [] },
  technical: { checklists: 0, departmentsNotSignedOff: [], openChecklistItems: 0, openRehearsalIssues: 0 },
  budget: { overWithoutApproval: [] },
  settlement: { unpaidMilestones: 0 },
};
