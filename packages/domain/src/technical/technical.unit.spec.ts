import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import {
  decideTechnical,
  evolveTechnical,
  initialTechnicalState,
  technicalDepartments,
  technicalReadiness,
  type TechnicalActor,
  type TechnicalCommand,
  type TechnicalEvent,
} from './technical.ts';

const spec = specification(decideTechnical, evolveTechnical, initialTechnicalState);
const now = '2027-03-13T14:00:00.000Z';
const metadata = { actor: 'person:x', now };
const productionId = '11111111-1111-4111-8111-111111111111';
const ayu: TechnicalActor = {
  personId: 'a0000000-0000-4000-8000-000000000001',
  roles: ['production_manager'],
  departments: [],
};
const eko: TechnicalActor = {
  personId: 'a0000000-0000-4000-8000-000000000002',
  roles: ['crew'],
  departments: ['sound'],
};
const andi: TechnicalActor = {
  personId: 'a0000000-0000-4000-8000-000000000003',
  roles: ['crew'],
  departments: ['sound'],
};
const fajar: TechnicalActor = {
  personId: 'a0000000-0000-4000-8000-000000000004',
  roles: ['crew'],
  departments: ['lighting'],
};
const dewi: TechnicalActor = {
  personId: 'a0000000-0000-4000-8000-000000000005',
  roles: ['show_caller'],
  departments: [],
};
const maya: TechnicalActor = {
  personId: 'a0000000-0000-4000-8000-000000000006',
  roles: ['client'],
  departments: [],
};
const hendra: TechnicalActor = {
  personId: 'a0000000-0000-4000-8000-000000000007',
  roles: ['vendor'],
  departments: [],
};
const item1 = 'b0000000-0000-4000-8000-000000000001';
const item2 = 'b0000000-0000-4000-8000-000000000002';
const rider = 'c0000000-0000-4000-8000-000000000001';
const issue = 'd0000000-0000-4000-8000-000000000001';

const cmd = <T extends TechnicalCommand['type']>(
  type: T,
  data: Extract<TechnicalCommand, { type: T }>['data'],
) => ({ type, data, metadata }) as TechnicalCommand;

const headAssigned = (personId = eko.personId, previous?: string): TechnicalEvent => ({
  type: 'DepartmentHeadAssigned',
  data: { productionId, department: 'sound', personId, ...(previous ? { previous } : {}) },
});
const itemAdded = (
  itemId: string,
  text = 'Line check 48 ch',
  department: 'sound' | 'lighting' = 'sound',
): TechnicalEvent => ({
  type: 'ChecklistItemAdded',
  data: { productionId, itemId, department, text, addedBy: ayu.personId },
});
const checked = (itemId: string, by = andi): TechnicalEvent => ({
  type: 'ChecklistItemChecked',
  data: { productionId, itemId, department: 'sound', by: by.personId, at: now },
});
const signedOff: TechnicalEvent = {
  type: 'DepartmentChecklistSignedOff',
  data: { productionId, department: 'sound', by: eko.personId, at: now },
};
const reopened = (because: 'item_added' | 'item_unchecked' | 'rider_added'): TechnicalEvent => ({
  type: 'DepartmentChecklistReopened',
  data: { productionId, department: 'sound', because },
});
const issueRecorded: TechnicalEvent = {
  type: 'RehearsalIssueRecorded',
  data: {
    productionId,
    issueId: issue,
    department: 'sound',
    description: 'Feedback on wedge 3 at 2 kHz',
    severity: 'high',
    recordedBy: dewi.personId,
    at: now,
  },
};
const ready = [headAssigned(), itemAdded(item1), checked(item1)];

describe('AssignDepartmentHead', () => {
  it('makes a sound crew member head of sound, saying whom they replace', () => {
    spec
      .given([])
      .when(cmd('AssignDepartmentHead', { by: ayu, productionId, department: 'sound', member: eko }))
      .then([headAssigned()]);
    spec
      .given([headAssigned()])
      .when(cmd('AssignDepartmentHead', { by: ayu, productionId, department: 'sound', member: andi }))
      .then([headAssigned(andi.personId, eko.personId)]);
  });
  it('records nothing when the head does not change', () =>
    spec
      .given([headAssigned()])
      .when(cmd('AssignDepartmentHead', { by: ayu, productionId, department: 'sound', member: eko }))
      .then([]));
  it('refuses anyone but a manager', () =>
    spec
      .given([])
      .when(cmd('AssignDepartmentHead', { by: eko, productionId, department: 'sound', member: eko }))
      .thenThrows('FORBIDDEN', /production manager/));
  it('refuses a head who is not crew of that department', () => {
    for (const member of [fajar, dewi])
      spec
        .given([])
        .when(cmd('AssignDepartmentHead', { by: ayu, productionId, department: 'sound', member }))
        .thenThrows('VALIDATION', /crew member of sound/, 'personId');
  });
});

describe('riders and checklist items', () => {
  const addRider = (by: TechnicalActor, title = 'FOH rider') =>
    cmd('AddTechnicalRider', {
      by,
      productionId,
      riderId: rider,
      department: 'sound',
      title,
      requirements: 'DiGiCo SD12, 2× wedges per monitor mix',
    });
  it('adds a rider by a manager or crew of the department', () => {
    spec
      .given([])
      .when(addRider(eko))
      .then([
        {
          type: 'TechnicalRiderAdded',
          data: {
            productionId,
            riderId: rider,
            department: 'sound',
            title: 'FOH rider',
            requirements: 'DiGiCo SD12, 2× wedges per monitor mix',
            addedBy: eko.personId,
          },
        },
      ]);
  });
  it('refuses crew of another department, a client or a vendor', () => {
    for (const by of [fajar, maya, hendra]) spec.given([]).when(addRider(by)).thenThrows('FORBIDDEN');
  });
  it('refuses an empty title and a rider added twice', () => {
    spec.given([]).when(addRider(ayu, '  ')).thenThrows('VALIDATION', undefined, 'title');
    spec
      .given([])
      .when(addRider(ayu))
      .then([expect.objectContaining({ type: 'TechnicalRiderAdded' }) as TechnicalEvent]);
    const added = decideTechnical(addRider(ayu), initialTechnicalState);
    spec
      .given(added)
      .when(addRider(ayu))
      .thenThrows('ILLEGAL_STATE', /already/, 'riderId');
  });
  it('adds a checklist item; refuses empty text, a duplicate and crew of another department', () => {
    spec
      .given([])
      .when(
        cmd('AddChecklistItem', {
          by: ayu,
          productionId,
          itemId: item1,
          department: 'sound',
          text: ' Line check 48 ch ',
        }),
      )
      .then([itemAdded(item1)]);
    spec
      .given([])
      .when(cmd('AddChecklistItem', { by: ayu, productionId, itemId: item1, department: 'sound', text: '' }))
      .thenThrows('VALIDATION', undefined, 'text');
    spec
      .given([itemAdded(item1)])
      .when(cmd('AddChecklistItem', { by: ayu, productionId, itemId: item1, department: 'sound', text: 'x' }))
      .thenThrows('ILLEGAL_STATE', undefined, 'itemId');
    spec
      .given([])
      .when(
        cmd('AddChecklistItem', { by: fajar, productionId, itemId: item1, department: 'sound', text: 'x' }),
      )
      .thenThrows('FORBIDDEN');
  });
  it('is checked and unchecked by crew of that department only', () => {
    spec
      .given([itemAdded(item1)])
      .when(cmd('CheckChecklistItem', { by: andi, productionId, itemId: item1 }))
      .then([checked(item1)]);
    spec
      .given([itemAdded(item1), checked(item1)])
      .when(cmd('CheckChecklistItem', { by: andi, productionId, itemId: item1 }))
      .then([]);
    spec
      .given([itemAdded(item1), checked(item1)])
      .when(cmd('UncheckChecklistItem', { by: eko, productionId, itemId: item1 }))
      .then([
        {
          type: 'ChecklistItemUnchecked',
          data: { productionId, itemId: item1, department: 'sound', by: eko.personId, at: now },
        },
      ]);
    for (const by of [fajar, ayu, dewi, hendra])
      spec
        .given([itemAdded(item1)])
        .when(cmd('CheckChecklistItem', { by, productionId, itemId: item1 }))
        .thenThrows('FORBIDDEN', /sound crew/);
    spec
      .given([])
      .when(cmd('CheckChecklistItem', { by: andi, productionId, itemId: item1 }))
      .thenThrows('NOT_FOUND', undefined, 'itemId');
  });
});

describe('SignOffDepartmentChecklist', () => {
  const signOff = (by: TechnicalActor, department: 'sound' | 'lighting' = 'sound') =>
    cmd('SignOffDepartmentChecklist', { by, productionId, department });
  it('is signed off by the department head once every item is checked', () =>
    spec.given(ready).when(signOff(eko)).then([signedOff]));
  it('refuses while items are open, naming them', () =>
    spec
      .given([...ready, itemAdded(item2, 'Spare SM58 ×4')])
      .when(signOff(eko))
      .thenThrows('ILLEGAL_STATE', /1 checklist item\(s\) still open: Spare SM58 ×4/, 'department'));
  it('refuses anyone but the head: other sound crew, a manager, another department’s crew', () => {
    for (const by of [andi, ayu, fajar])
      spec
        .given(ready)
        .when(signOff(by))
        .thenThrows('FORBIDDEN', /head of sound/);
  });
  it('refuses a head who is no longer crew of the department', () =>
    spec
      .given(ready)
      .when(signOff({ ...eko, departments: ['video'] }))
      .thenThrows('FORBIDDEN'));
  it('refuses an empty checklist and a second sign-off', () => {
    spec
      .given([headAssigned()])
      .when(signOff(eko))
      .thenThrows('ILLEGAL_STATE', /no items/);
    spec
      .given([...ready, signedOff])
      .when(signOff(eko))
      .thenThrows('ILLEGAL_STATE', /already signed off/);
  });
  it('is reopened by a change after sign-off: an item added, unchecked, or a rider added', () => {
    spec
      .given([...ready, signedOff])
      .when(
        cmd('AddChecklistItem', {
          by: ayu,
          productionId,
          itemId: item2,
          department: 'sound',
          text: 'Spare SM58 ×4',
        }),
      )
      .then([itemAdded(item2, 'Spare SM58 ×4'), reopened('item_added')]);
    spec
      .given([...ready, signedOff])
      .when(cmd('UncheckChecklistItem', { by: andi, productionId, itemId: item1 }))
      .then([
        {
          type: 'ChecklistItemUnchecked',
          data: { productionId, itemId: item1, department: 'sound', by: andi.personId, at: now },
        },
        reopened('item_unchecked'),
      ]);
    spec
      .given([...ready, signedOff])
      .when(
        cmd('AddTechnicalRider', {
          by: ayu,
          productionId,
          riderId: rider,
          department: 'sound',
          title: 'Monitor rider',
          requirements: '8 mixes',
        }),
      )
      .then([
        expect.objectContaining({ type: 'TechnicalRiderAdded' }) as TechnicalEvent,
        reopened('rider_added'),
      ]);
    // another department's change leaves sound signed off
    spec
      .given([...ready, signedOff])
      .when(
        cmd('AddChecklistItem', {
          by: ayu,
          productionId,
          itemId: item2,
          department: 'lighting',
          text: 'Focus',
        }),
      )
      .then([itemAdded(item2, 'Focus', 'lighting')]);
  });
});

describe('rehearsal issues', () => {
  const record = (by: TechnicalActor, description = 'Feedback on wedge 3 at 2 kHz') =>
    cmd('RecordRehearsalIssue', {
      by,
      productionId,
      issueId: issue,
      department: 'sound',
      description,
      severity: 'high',
    });
  const fix = (by: TechnicalActor, note = 'Notched 2 kHz on mix 3') =>
    cmd('FixRehearsalIssue', { by, productionId, issueId: issue, note });
  const fixed: TechnicalEvent = {
    type: 'RehearsalIssueFixed',
    data: {
      productionId,
      issueId: issue,
      department: 'sound',
      fixedBy: eko.personId,
      note: 'Notched 2 kHz on mix 3',
      at: now,
    },
  };
  it('records an issue by the show caller (or crew, or a manager)', () =>
    spec.given([]).when(record(dewi)).then([issueRecorded]));
  it('refuses a client or vendor, an empty description, a duplicate', () => {
    for (const by of [maya, hendra]) spec.given([]).when(record(by)).thenThrows('FORBIDDEN');
    spec.given([]).when(record(dewi, ' ')).thenThrows('VALIDATION', undefined, 'description');
    spec.given([issueRecorded]).when(record(dewi)).thenThrows('ILLEGAL_STATE', undefined, 'issueId');
  });
  it('records the fix, by whom and with a note', () =>
    spec.given([issueRecorded]).when(fix(eko)).then([fixed]));
  it('refuses a fix of an unknown or fixed issue, without a note, or by another department’s crew', () => {
    spec.given([]).when(fix(eko)).thenThrows('NOT_FOUND', undefined, 'issueId');
    spec
      .given([issueRecorded, fixed])
      .when(fix(eko))
      .thenThrows('ILLEGAL_STATE', /already fixed/);
    spec.given([issueRecorded]).when(fix(eko, '')).thenThrows('VALIDATION', undefined, 'note');
    spec.given([issueRecorded]).when(fix(fajar)).thenThrows('FORBIDDEN');
  });
});

describe('technicalReadiness', () => {
  const stateOf = (events: TechnicalEvent[]) => events.reduce(evolveTechnical, initialTechnicalState);
  it('names departments not signed off, open items and open issues', () => {
    const state = stateOf([
      headAssigned(),
      itemAdded(item1),
      itemAdded(item2, 'Focus', 'lighting'),
      issueRecorded,
    ]);
    expect(technicalReadiness(state)).toEqual({
      departmentsNotSignedOff: ['sound', 'lighting'],
      openChecklistItems: 2,
      openRehearsalIssues: 1,
    });
    expect(technicalDepartments(state)).toEqual(['sound', 'lighting']);
  });
  it('is clear once signed off and fixed, and again not after a reopening', () => {
    const done = stateOf([...ready, signedOff]);
    expect(technicalReadiness(done)).toEqual({
      departmentsNotSignedOff: [],
      openChecklistItems: 0,
      openRehearsalIssues: 0,
    });
    expect(
      technicalReadiness(stateOf([...ready, signedOff, itemAdded(item2), reopened('item_added')])),
    ).toEqual({
      departmentsNotSignedOff: ['sound'],
      openChecklistItems: 1,
      openRehearsalIssues: 0,
    });
  });
  it('is clear for a production without technical preparation', () =>
    expect(technicalReadiness(initialTechnicalState)).toEqual({
      departmentsNotSignedOff: [],
      openChecklistItems: 0,
      openRehearsalIssues: 0,
    }));
});
