import type {
  ChecklistItem,
  Department,
  RehearsalIssue,
  RehearsalIssueSeverity,
  Role,
  TechnicalEvents,
  TechnicalRider,
} from '@panggung/contracts';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';

/** The stream of one production's technical preparation. */
export const technicalStream = (productionId: string): string => `technical-${productionId}`;

/** A person as technical rules see them: roles and crew departments in this production (from the API). */
export interface TechnicalActor {
  readonly personId: string;
  readonly roles: readonly Role[];
  readonly departments: readonly Department[];
}

type By = { readonly by: TechnicalActor };

export type TechnicalCommand =
  | Command<
      'AssignDepartmentHead',
      By & { productionId: string; department: Department; member: TechnicalActor }
    >
  | Command<
      'AddTechnicalRider',
      By & {
        productionId: string;
        riderId: string;
        department: Department;
        title: string;
        requirements: string;
        vendorId?: string;
        contractId?: string;
      }
    >
  | Command<
      'AddChecklistItem',
      By & { productionId: string; itemId: string; department: Department; text: string }
    >
  | Command<'CheckChecklistItem', By & { productionId: string; itemId: string }>
  | Command<'UncheckChecklistItem', By & { productionId: string; itemId: string }>
  | Command<'SignOffDepartmentChecklist', By & { productionId: string; department: Department }>
  | Command<
      'RecordRehearsalIssue',
      By & {
        productionId: string;
        issueId: string;
        department: Department;
        description: string;
        severity: RehearsalIssueSeverity;
      }
    >
  | Command<'FixRehearsalIssue', By & { productionId: string; issueId: string; note: string }>;

export type TechnicalEvent =
  | DomainEvent<'DepartmentHeadAssigned', TechnicalEvents.DepartmentHeadAssigned>
  | DomainEvent<'TechnicalRiderAdded', TechnicalEvents.TechnicalRiderAdded>
  | DomainEvent<'ChecklistItemAdded', TechnicalEvents.ChecklistItemAdded>
  | DomainEvent<'ChecklistItemChecked', TechnicalEvents.ChecklistItemChecked>
  | DomainEvent<'ChecklistItemUnchecked', TechnicalEvents.ChecklistItemUnchecked>
  | DomainEvent<'DepartmentChecklistSignedOff', TechnicalEvents.DepartmentChecklistSignedOff>
  | DomainEvent<'DepartmentChecklistReopened', TechnicalEvents.DepartmentChecklistReopened>
  | DomainEvent<'RehearsalIssueRecorded', TechnicalEvents.RehearsalIssueRecorded>
  | DomainEvent<'RehearsalIssueFixed', TechnicalEvents.RehearsalIssueFixed>;

export const TECHNICAL_EVENT_TYPES: ReadonlySet<string> = new Set<TechnicalEvent['type']>([
  'DepartmentHeadAssigned',
  'TechnicalRiderAdded',
  'ChecklistItemAdded',
  'ChecklistItemChecked',
  'ChecklistItemUnchecked',
  'DepartmentChecklistSignedOff',
  'DepartmentChecklistReopened',
  'RehearsalIssueRecorded',
  'RehearsalIssueFixed',
]);

export type TechnicalState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open';
      readonly productionId: string;
      readonly heads: Readonly<Partial<Record<Department, string>>>;
      readonly riders: readonly TechnicalRider[];
      readonly items: readonly ChecklistItem[];
      readonly signedOff: Readonly<Partial<Record<Department, { readonly by: string; readonly at: string }>>>;
      readonly issues: readonly RehearsalIssue[];
    };

export const initialTechnicalState: TechnicalState = { status: 'none' };

type Open = Extract<TechnicalState, { status: 'open' }>;

export function evolveTechnical(state: TechnicalState, event: TechnicalEvent): TechnicalState {
  const open: Open =
    state.status === 'open'
      ? state
      : {
          status: 'open',
          productionId: event.data.productionId,
          heads: {},
          riders: [],
          items: [],
          signedOff: {},
          issues: [],
        };
  const setItem = (itemId: string, change: (item: ChecklistItem) => ChecklistItem): Open => ({
    ...open,
    items: open.items.map((item) => (item.itemId === itemId ? change(item) : item)),
  });
  switch (event.type) {
    case 'DepartmentHeadAssigned':
      return { ...open, heads: { ...open.heads, [event.data.department]: event.data.personId } };
    case 'TechnicalRiderAdded': {
      const { riderId, department, title, requirements, vendorId, contractId } = event.data;
      const rider: TechnicalRider = {
        riderId,
        department,
        title,
        requirements,
        ...(vendorId ? { vendorId } : {}),
        ...(contractId ? { contractId } : {}),
      };
      return { ...open, riders: [...open.riders, rider] };
    }
    case 'ChecklistItemAdded': {
      const { itemId, department, text } = event.data;
      return { ...open, items: [...open.items, { itemId, department, text, checked: false }] };
    }
    case 'ChecklistItemChecked':
      return setItem(event.data.itemId, (item) => ({ ...item, checked: true, checkedBy: event.data.by }));
    case 'ChecklistItemUnchecked':
      return setItem(event.data.itemId, ({ checkedBy: _, ...item }) => ({ ...item, checked: false }));
    case 'DepartmentChecklistSignedOff':
      return {
        ...open,
        signedOff: { ...open.signedOff, [event.data.department]: { by: event.data.by, at: event.data.at } },
      };
    case 'DepartmentChecklistReopened': {
      const signedOff = { ...open.signedOff };
      delete signedOff[event.data.department];
      return { ...open, signedOff };
    }
    case 'RehearsalIssueRecorded': {
      const { issueId, department, description, severity, recordedBy, at } = event.data;
      return {
        ...open,
        issues: [...open.issues, { issueId, department, description, severity, recordedBy, recordedAt: at }],
      };
    }
    case 'RehearsalIssueFixed': {
      const { issueId, fixedBy, note, at } = event.data;
      return {
        ...open,
        issues: open.issues.map((issue) =>
          issue.issueId === issueId ? { ...issue, fix: { fixedBy, note, at } } : issue,
        ),
      };
    }
    default:
      return assertNever(event);
  }
}

const MANAGING: readonly Role[] = ['org_admin', 'production_manager'];
const isManager = (actor: TechnicalActor) => actor.roles.some((role) => MANAGING.includes(role));
const isCrewOf = (actor: TechnicalActor, department: Department) =>
  actor.roles.includes('crew') && actor.departments.includes(department);

function requireManagerOrCrewOf(actor: TechnicalActor, department: Department, what: string): void {
  if (!isManager(actor) && !isCrewOf(actor, department))
    throw new ForbiddenError(`Only a production manager or ${department} crew may ${what}`);
}

function text(value: string, field: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new ValidationError(`${what} may not be empty`, field);
  return trimmed;
}

/** A change to a signed-off department reopens its sign-off, in the same decision. */
function reopening(
  state: TechnicalState,
  productionId: string,
  department: Department,
  because: TechnicalEvents.DepartmentChecklistReopened['because'],
): TechnicalEvent[] {
  return state.status === 'open' && state.signedOff[department]
    ? [{ type: 'DepartmentChecklistReopened', data: { productionId, department, because } }]
    : [];
}

function findItem(state: TechnicalState, itemId: string): ChecklistItem {
  const item = state.status === 'open' ? state.items.find((i) => i.itemId === itemId) : undefined;
  if (!item) throw new NotFoundError(`Checklist item ${itemId} was not found`, 'itemId');
  return item;
}

/**
 * Technical preparation: riders and checklists per department, a sign-off by the department's head
 * (a crew member of that department a manager made head), and the issues of the technical rehearsal.
 */
export function decideTechnical(command: TechnicalCommand, state: TechnicalState): TechnicalEvent[] {
  const { by } = command.data;
  const now = command.metadata.now;
  switch (command.type) {
    case 'AssignDepartmentHead': {
      const { productionId, department, member } = command.data;
      if (!isManager(by)) throw new ForbiddenError('Only a production manager may assign department heads');
      if (!isCrewOf(member, department))
        throw new ValidationError(`A department head must be a crew member of ${department}`, 'personId');
      const previous = state.status === 'open' ? state.heads[department] : undefined;
      if (previous === member.personId) return [];
      return [
        {
          type: 'DepartmentHeadAssigned',
          data: { productionId, department, personId: member.personId, ...(previous ? { previous } : {}) },
        },
      ];
    }
    case 'AddTechnicalRider': {
      const { productionId, riderId, department, vendorId, contractId } = command.data;
      requireManagerOrCrewOf(by, department, 'add a rider');
      const title = text(command.data.title, 'title', 'A rider’s title');
      const requirements = text(command.data.requirements, 'requirements', 'A rider’s requirements');
      if (state.status === 'open' && state.riders.some((r) => r.riderId === riderId))
        throw new IllegalStateError('This rider is already added', 'riderId');
      return [
        {
          type: 'TechnicalRiderAdded',
          data: {
            productionId,
            riderId,
            department,
            title,
            requirements,
            ...(vendorId ? { vendorId } : {}),
            ...(contractId ? { contractId } : {}),
            addedBy: by.personId,
          },
        },
        ...reopening(state, productionId, department, 'rider_added'),
      ];
    }
    case 'AddChecklistItem': {
      const { productionId, itemId, department } = command.data;
      requireManagerOrCrewOf(by, department, 'add checklist items');
      const itemText = text(command.data.text, 'text', 'A checklist item');
      if (state.status === 'open' && state.items.some((i) => i.itemId === itemId))
        throw new IllegalStateError('This checklist item is already added', 'itemId');
      return [
        {
          type: 'ChecklistItemAdded',
          data: { productionId, itemId, department, text: itemText, addedBy: by.personId },
        },
        ...reopening(state, productionId, department, 'item_added'),
      ];
    }
    case 'CheckChecklistItem':
    case 'UncheckChecklistItem': {
      const { productionId, itemId } = command.data;
      const item = findItem(state, itemId);
      if (!isCrewOf(by, item.department))
        throw new ForbiddenError(`Only ${item.department} crew may check or uncheck its checklist`);
      const checking = command.type === 'CheckChecklistItem';
      if (item.checked === checking) return [];
      const data = { productionId, itemId, department: item.department, by: by.personId, at: now };
      return checking
        ? [{ type: 'ChecklistItemChecked', data }]
        : [
            { type: 'ChecklistItemUnchecked', data },
            ...reopening(state, productionId, item.department, 'item_unchecked'),
          ];
    }
    case 'SignOffDepartmentChecklist': {
      const { productionId, department } = command.data;
      const head = state.status === 'open' ? state.heads[department] : undefined;
      if (head !== by.personId || !isCrewOf(by, department))
        throw new ForbiddenError(`Only the head of ${department} may sign off its checklist`);
      if (state.status !== 'open')
        throw new IllegalStateError('The checklist has no items to sign off', 'department');
      if (state.signedOff[department])
        throw new IllegalStateError(`The ${department} checklist is already signed off`, 'department');
      const items = state.items.filter((i) => i.department === department);
      if (items.length === 0)
        throw new IllegalStateError('The checklist has no items to sign off', 'department');
      const open = items.filter((i) => !i.checked);
      if (open.length > 0)
        throw new IllegalStateError(
          `${open.length} checklist item(s) still open: ${open.map((i) => i.text).join('; ')}`,
          'department',
        );
      return [
        {
          type: 'DepartmentChecklistSignedOff',
          data: { productionId, department, by: by.personId, at: now },
        },
      ];
    }
    case 'RecordRehearsalIssue': {
      const { productionId, issueId, department, severity } = command.data;
      if (!isManager(by) && !by.roles.includes('show_caller') && !by.roles.includes('crew'))
        throw new ForbiddenError('Only the production team may record rehearsal issues');
      const description = text(command.data.description, 'description', 'An issue’s description');
      if (state.status === 'open' && state.issues.some((i) => i.issueId === issueId))
        throw new IllegalStateError('This issue is already recorded', 'issueId');
      return [
        {
          type: 'RehearsalIssueRecorded',
          data: {
            productionId,
            issueId,
            department,
            description,
            severity,
            recordedBy: by.personId,
            at: now,
          },
        },
      ];
    }
    case 'FixRehearsalIssue': {
      const { productionId, issueId } = command.data;
      const issue = state.status === 'open' ? state.issues.find((i) => i.issueId === issueId) : undefined;
      if (!issue) throw new NotFoundError(`Rehearsal issue ${issueId} was not found`, 'issueId');
      if (!isManager(by) && !by.roles.includes('show_caller') && !isCrewOf(by, issue.department))
        throw new ForbiddenError(
          `Only ${issue.department} crew, the show caller or a manager may fix this issue`,
        );
      if (issue.fix) throw new IllegalStateError('This issue is already fixed', 'issueId');
      const note = text(command.data.note, 'note', 'A fix note');
      return [
        {
          type: 'RehearsalIssueFixed',
          data: { productionId, issueId, department: issue.department, fixedBy: by.personId, note, at: now },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

/** Departments with anything to prepare (a head, a rider or a checklist item), in first-seen order. */
export function technicalDepartments(state: TechnicalState): Department[] {
  if (state.status === 'none') return [];
  const seen = new Set<Department>([
    ...(Object.keys(state.heads) as Department[]),
    ...state.riders.map((r) => r.department),
    ...state.items.map((i) => i.department),
  ]);
  return [...seen];
}

/**
 * What the production phases' gates ask of technical preparation: departments with a checklist not
 * signed off, unchecked items, and rehearsal issues not fixed.
 *
 * @example
 * technicalReadiness(state) // { departmentsNotSignedOff: ['sound'], openChecklistItems: 2, openRehearsalIssues: 0 }
 */
export function technicalReadiness(state: TechnicalState): {
  departmentsNotSignedOff: Department[];
  openChecklistItems: number;
  openRehearsalIssues: number;
} {
  if (state.status === 'none')
    return { departmentsNotSignedOff: [], openChecklistItems: 0, openRehearsalIssues: 0 };
  const withChecklist = new Set(state.items.map((i) => i.department));
  return {
    departmentsNotSignedOff: [...withChecklist].filter((d) => !state.signedOff[d]),
    openChecklistItems: state.items.filter((i) => !i.checked).length,
    openRehearsalIssues: state.issues.filter((i) => !i.fix).length,
  };
}
