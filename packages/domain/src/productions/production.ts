import type {
  CreateProductionBody,
  Department,
  ProductionDetails,
  ProductionEvents,
  ProductionStatus,
  Role,
} from '@panggung/contracts';
import { IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';
export const DEFAULT_CURRENCY = 'IDR';

/** The stream that holds a production's own events. */
export const productionStream = (productionId: string): string => `production-${productionId}`;

export type ProductionCommand =
  | Command<
      'CreateProduction',
      {
        productionId: string;
        organisationId: string;
        /** Its first production manager. */ managerId: string;
      } & CreateProductionBody
    >
  | Command<'UpdateProductionDetails', { productionId: string; changes: Partial<ProductionDetails> }>
  | Command<
      'AddMember',
      { productionId: string; personId: string; role: Role; department?: Department; partyId?: string }
    >
  | Command<'RemoveMember', { productionId: string; personId: string; role: Role }>;

export type ProductionEvent =
  | DomainEvent<'ProductionCreated', ProductionEvents.ProductionCreated>
  | DomainEvent<'ProductionDetailsUpdated', ProductionEvents.ProductionDetailsUpdated>
  | DomainEvent<'MemberAdded', ProductionEvents.MemberAdded>
  | DomainEvent<'MemberRemoved', ProductionEvents.MemberRemoved>
  | DomainEvent<'ProductionPhaseChanged', ProductionEvents.ProductionPhaseChanged>
  | DomainEvent<'ProductionPlanningOpened', ProductionEvents.ProductionPlanningOpened>
  | DomainEvent<'ProductionClosed', ProductionEvents.ProductionClosed>;

/** Every event type of a production stream, for code that must tell them from other streams' types. */
export const PRODUCTION_EVENT_TYPES: ReadonlySet<string> = new Set<ProductionEvent['type']>([
  'ProductionCreated',
  'ProductionDetailsUpdated',
  'MemberAdded',
  'MemberRemoved',
  'ProductionPhaseChanged',
  'ProductionPlanningOpened',
  'ProductionClosed',
]);

export interface MemberRecord {
  readonly personId: string;
  readonly role: Role;
  readonly department?: Department | undefined;
  readonly partyId?: string | undefined;
}

export type ProductionState =
  | { readonly status: 'none' }
  | {
      readonly status: 'exists';
      readonly id: string;
      readonly organisationId: string;
      readonly details: ProductionDetails;
      readonly phase: ProductionStatus;
      readonly members: readonly MemberRecord[];
    };

export const initialProductionState: ProductionState = { status: 'none' };

export function evolveProduction(state: ProductionState, event: ProductionEvent): ProductionState {
  switch (event.type) {
    case 'ProductionCreated':
      return {
        status: 'exists',
        id: event.data.productionId,
        organisationId: event.data.organisationId,
        details: event.data.details,
        phase: 'planning',
        members: [],
      };
    case 'ProductionDetailsUpdated':
      return state.status === 'exists'
        ? { ...state, details: { ...state.details, ...event.data.changes } }
        : state;
    case 'MemberAdded': {
      if (state.status !== 'exists') return state;
      const { personId, role, department, partyId } = event.data;
      return { ...state, members: [...state.members, { personId, role, department, partyId }] };
    }
    case 'MemberRemoved':
      return state.status === 'exists'
        ? {
            ...state,
            members: state.members.filter(
              (m) => !(m.personId === event.data.personId && m.role === event.data.role),
            ),
          }
        : state;
    case 'ProductionPhaseChanged':
      return state.status === 'exists' ? { ...state, phase: event.data.to } : state;
    case 'ProductionPlanningOpened':
      return state;
    case 'ProductionClosed':
      return state.status === 'exists' ? { ...state, phase: 'closed' } : state;
    default:
      return assertNever(event);
  }
}

/** Decides what a command means for a production, or throws a DomainError saying why not. */
export function decideProduction(command: ProductionCommand, state: ProductionState): ProductionEvent[] {
  switch (command.type) {
    case 'CreateProduction': {
      if (state.status === 'exists')
        throw new IllegalStateError(`Production ${command.data.productionId} already exists`);
      const { productionId, organisationId, managerId, timeZone, currency, clientName, ...rest } =
        command.data;
      const details: ProductionDetails = {
        ...rest,
        timeZone: timeZone ?? DEFAULT_TIME_ZONE,
        currency: currency ?? DEFAULT_CURRENCY,
        ...(clientName === undefined ? {} : { clientName }),
      };
      assertSchedule(details.startsAt, details.endsAt);
      // Created with its first manager in the same append: a production always has someone in charge.
      return [
        { type: 'ProductionCreated', data: { productionId, organisationId, details } },
        { type: 'MemberAdded', data: { productionId, personId: managerId, role: 'production_manager' } },
      ];
    }
    case 'UpdateProductionDetails': {
      const current = existing(state, command.data.productionId);
      if (current.phase === 'closed') throw new IllegalStateError('A closed production cannot be changed');
      const changes = Object.fromEntries(
        Object.entries(command.data.changes).filter(
          ([key, value]) =>
            value !== undefined &&
            JSON.stringify(value) !== JSON.stringify(current.details[key as keyof ProductionDetails]),
        ),
      ) as Partial<ProductionDetails>;
      if (Object.keys(changes).length === 0) return [];
      const merged = { ...current.details, ...changes };
      assertSchedule(merged.startsAt, merged.endsAt);
      return [{ type: 'ProductionDetailsUpdated', data: { productionId: current.id, changes } }];
    }
    case 'AddMember': {
      const current = existing(state, command.data.productionId);
      const { personId, role, department, partyId } = command.data;
      if (role === 'org_admin')
        throw new ValidationError(
          'Organisation admin is an organisation role, not a production role',
          'role',
        );
      if (role === 'crew' && !department)
        throw new ValidationError('A crew member needs a department', 'department');
      if (role !== 'crew' && department)
        throw new ValidationError('Only crew members have a department', 'department');
      if ((role === 'vendor' || role === 'client') && !partyId)
        throw new ValidationError(`A ${role} member needs the company they represent (partyId)`, 'partyId');
      if (current.members.some((m) => m.personId === personId && m.role === role))
        throw new IllegalStateError(`This person is already ${role} in the production`);
      return [
        {
          type: 'MemberAdded',
          data: {
            productionId: current.id,
            personId,
            role,
            ...(department ? { department } : {}),
            ...(partyId ? { partyId } : {}),
          },
        },
      ];
    }
    case 'RemoveMember': {
      const current = existing(state, command.data.productionId);
      const { personId, role } = command.data;
      if (!current.members.some((m) => m.personId === personId && m.role === role))
        throw new NotFoundError(`This person is not ${role} in the production`);
      if (role === 'production_manager' && current.members.filter((m) => m.role === role).length === 1)
        throw new IllegalStateError('A production keeps at least one production manager');
      return [{ type: 'MemberRemoved', data: { productionId: current.id, personId, role } }];
    }
    default:
      return assertNever(command);
  }
}

function existing(
  state: ProductionState,
  productionId: string,
): Extract<ProductionState, { status: 'exists' }> {
  if (state.status !== 'exists') throw new NotFoundError(`Production ${productionId} was not found`);
  return state;
}

function assertSchedule(startsAt: string, endsAt: string): void {
  if (Date.parse(endsAt) <= Date.parse(startsAt))
    throw new ValidationError('The production must end after it starts', 'endsAt');
}
