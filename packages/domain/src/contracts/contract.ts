import type {
  ApprovalActor,
  ApprovalHistoryEntry,
  ApprovalStep,
  Approvers,
  BudgetCheckResult,
  ContractEvents,
  HumanApprovalStep,
  LineItem,
  PaymentMilestone,
  Role,
  Terms,
  VendorCategory,
} from '@panggung/contracts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';
import type { AwardedQuote } from './rfq.ts';

/** The stream of one contract: its drafts, revisions and every step of its approval chain. */
export const contractStream = (contractId: string): string => `contract-${contractId}`;

/** The role that decides each human step. */
export const STEP_ROLE: Readonly<Record<HumanApprovalStep, Role>> = {
  manager_review: 'production_manager',
  finance_overrun: 'finance_approver',
  client_approval: 'client',
};

export const HUMAN_STEPS: readonly HumanApprovalStep[] = [
  'manager_review',
  'finance_overrun',
  'client_approval',
];

export function isHumanStep(step: ApprovalStep): step is HumanApprovalStep {
  return step !== 'budget_check';
}

/** Who submits: the approvers of each human step, with the roles the API found them to hold. */
export interface ApproverChoice {
  readonly manager_review: ApprovalActor;
  readonly finance_overrun: ApprovalActor;
  readonly client_approval?: ApprovalActor | undefined;
}

interface OnStep {
  readonly contractId: string;
  /** The contract version the caller looked at: a stale one is refused. */
  readonly contractVersion: number;
}
interface HumanDecision extends OnStep {
  readonly step: HumanApprovalStep;
  readonly by: ApprovalActor;
}

export type ContractCommand =
  | Command<
      'DraftContract',
      {
        contractId: string;
        organisationId: string;
        award: AwardedQuote;
        milestones: readonly PaymentMilestone[];
        by: ApprovalActor;
      }
    >
  | Command<
      'ReviseContract',
      {
        contractId: string;
        expectedVersion: number;
        lines: readonly LineItem[];
        taxRate: number;
        milestones: readonly PaymentMilestone[];
        note?: string;
        by: ApprovalActor;
      }
    >
  | Command<
      'SubmitContract',
      OnStep & { by: ApprovalActor; approvers: ApproverChoice; clientApprovalThreshold: number }
    >
  | Command<'RecordBudgetCheck', OnStep & { result: BudgetCheckResult }>
  | Command<'ApproveStep', HumanDecision & { note?: string }>
  | Command<'RejectStep', HumanDecision & { reason: string }>
  | Command<'SendBackContract', HumanDecision & { reason: string }>
  | Command<'DelegateStep', HumanDecision & { to: ApprovalActor; reason?: string }>
  | Command<'RemindApprover', OnStep & { step: HumanApprovalStep }>
  | Command<'EscalateStep', OnStep & { step: HumanApprovalStep; escalateTo: string }>
  | Command<'WithdrawContract', OnStep & { by: ApprovalActor; reason?: string }>;

export type ContractEvent =
  | DomainEvent<'ContractDrafted', ContractEvents.ContractDrafted>
  | DomainEvent<'ContractRevised', ContractEvents.ContractRevised>
  | DomainEvent<'ContractSubmitted', ContractEvents.ContractSubmitted>
  | DomainEvent<'ApprovalStepOpened', ContractEvents.ApprovalStepOpened>
  | DomainEvent<'ApprovalStepApproved', ContractEvents.ApprovalStepApproved>
  | DomainEvent<'BudgetCheckPassed', ContractEvents.BudgetCheckPassed>
  | DomainEvent<'BudgetOverrunFlagged', ContractEvents.BudgetOverrunFlagged>
  | DomainEvent<'ContractRejected', ContractEvents.ContractRejected>
  | DomainEvent<'ContractSentBack', ContractEvents.ContractSentBack>
  | DomainEvent<'ApprovalStepDelegated', ContractEvents.ApprovalStepDelegated>
  | DomainEvent<'ApprovalReminderSent', ContractEvents.ApprovalReminderSent>
  | DomainEvent<'ApprovalEscalated', ContractEvents.ApprovalEscalated>
  | DomainEvent<'ContractWithdrawn', ContractEvents.ContractWithdrawn>
  | DomainEvent<'ContractSigned', ContractEvents.ContractSigned>;

export const CONTRACT_EVENT_TYPES: ReadonlySet<string> = new Set<ContractEvent['type']>([
  'ContractDrafted',
  'ContractRevised',
  'ContractSubmitted',
  'ApprovalStepOpened',
  'ApprovalStepApproved',
  'BudgetCheckPassed',
  'BudgetOverrunFlagged',
  'ContractRejected',
  'ContractSentBack',
  'ApprovalStepDelegated',
  'ApprovalReminderSent',
  'ApprovalEscalated',
  'ContractWithdrawn',
  'ContractSigned',
]);

/** What every contract that exists knows. */
export interface ContractCore {
  readonly id: string;
  readonly productionId: string;
  readonly organisationId: string;
  readonly vendorId: string;
  readonly rfqId: string;
  readonly quoteId: string;
  readonly category: VendorCategory;
  readonly currency: string;
  /** 1 when drafted, +1 per revision. */
  readonly version: number;
  readonly terms: Terms;
  readonly milestones: readonly PaymentMilestone[];
  /** Submissions so far (0 before the first). */
  readonly round: number;
  /** Every step of every round, oldest first: what the contract page's timeline shows. */
  readonly history: readonly ApprovalHistoryEntry[];
}

/** The open approval chain of one submission round. */
export interface ApprovalChain {
  readonly step: ApprovalStep;
  /** Who decides the open step; absent while the budget check runs. */
  readonly assigneeId?: string | undefined;
  readonly approvers: Approvers;
  readonly clientApprovalRequired: boolean;
  readonly overrun: boolean;
  /** Human steps approved in this round, in order. */
  readonly approved: readonly HumanApprovalStep[];
}

export type ContractState =
  | { readonly status: 'none' }
  | ({ readonly status: 'draft' } & ContractCore)
  | ({ readonly status: 'in_approval'; readonly chain: ApprovalChain } & ContractCore)
  | ({ readonly status: 'changes_requested' } & ContractCore)
  | ({ readonly status: 'rejected' } & ContractCore)
  | ({ readonly status: 'withdrawn' } & ContractCore)
  | ({ readonly status: 'signed' } & ContractCore);

export type ExistingContract = Exclude<ContractState, { status: 'none' }>;

export const initialContractState: ContractState = { status: 'none' };

export function evolveContract(state: ContractState, event: ContractEvent): ContractState {
  if (event.type === 'ContractDrafted') {
    const { contractId, productionId, organisationId, vendorId, rfqId, quoteId, category, currency } =
      event.data;
    return {
      status: 'draft',
      id: contractId,
      productionId,
      organisationId,
      vendorId,
      rfqId,
      quoteId,
      category,
      currency,
      version: event.data.version,
      terms: event.data.terms,
      milestones: event.data.milestones,
      round: 0,
      history: [],
    };
  }
  if (state.status === 'none') return state;
  const core = coreOf(state);
  const chain = state.status === 'in_approval' ? state.chain : undefined;
  const log = (entry: Omit<ApprovalHistoryEntry, 'round' | 'version'>): ContractCore['history'] => [
    ...state.history,
    { round: state.round, version: state.version, ...entry },
  ];
  switch (event.type) {
    case 'ContractRevised':
      return {
        ...core,
        status: 'draft',
        version: event.data.version,
        terms: event.data.terms,
        milestones: event.data.milestones,
      };
    case 'ContractSubmitted':
      return {
        ...core,
        status: 'in_approval',
        round: event.data.round,
        history: [
          ...state.history,
          {
            round: event.data.round,
            version: state.version,
            step: 'submission',
            outcome: 'submitted',
            by: event.data.submittedBy,
          },
        ],
        chain: {
          step: 'manager_review',
          approvers: event.data.approvers,
          clientApprovalRequired: event.data.clientApprovalRequired,
          overrun: false,
          approved: [],
        },
      };
    case 'ApprovalStepOpened':
      return chain
        ? {
            ...core,
            status: 'in_approval',
            history: log({ step: event.data.step, outcome: 'opened', ...to(event.data.assigneeId) }),
            chain: { ...chain, step: event.data.step, assigneeId: event.data.assigneeId },
          }
        : state;
    case 'ApprovalStepApproved':
      return chain
        ? {
            ...core,
            status: 'in_approval',
            history: log({ step: event.data.step, outcome: 'approved', by: event.data.approvedBy }),
            chain: { ...chain, approved: [...chain.approved, event.data.step] },
          }
        : state;
    case 'BudgetCheckPassed':
      return chain
        ? { ...core, status: 'in_approval', chain, history: log({ step: 'budget_check', outcome: 'passed' }) }
        : state;
    case 'BudgetOverrunFlagged':
      return chain
        ? {
            ...core,
            status: 'in_approval',
            chain: { ...chain, overrun: true },
            history: log({ step: 'budget_check', outcome: 'overrun' }),
          }
        : state;
    case 'ApprovalStepDelegated':
      return chain
        ? {
            ...core,
            status: 'in_approval',
            history: log({
              step: event.data.step,
              outcome: 'delegated',
              by: event.data.delegatedBy,
              to: event.data.to,
              ...reason(event.data.reason),
            }),
            chain: {
              ...chain,
              assigneeId: event.data.to,
              approvers: { ...chain.approvers, [event.data.step]: event.data.to },
            },
          }
        : state;
    case 'ApprovalReminderSent':
      return chain
        ? {
            ...core,
            status: 'in_approval',
            chain,
            history: log({ step: event.data.step, outcome: 'reminded', to: event.data.assigneeId }),
          }
        : state;
    case 'ApprovalEscalated':
      return chain
        ? {
            ...core,
            status: 'in_approval',
            chain,
            history: log({ step: event.data.step, outcome: 'escalated', to: event.data.escalatedTo }),
          }
        : state;
    case 'ContractRejected':
      return {
        ...core,
        status: 'rejected',
        history: log({
          step: event.data.step,
          outcome: 'rejected',
          by: event.data.rejectedBy,
          reason: event.data.reason,
        }),
      };
    case 'ContractSentBack':
      return {
        ...core,
        status: 'changes_requested',
        history: log({
          step: event.data.step,
          outcome: 'sent_back',
          by: event.data.sentBackBy,
          reason: event.data.reason,
        }),
      };
    case 'ContractWithdrawn':
      return {
        ...core,
        status: 'withdrawn',
        history: log({
          step: event.data.step ?? 'submission',
          outcome: 'withdrawn',
          by: event.data.withdrawnBy,
          ...reason(event.data.reason),
        }),
      };
    case 'ContractSigned':
      return { ...core, status: 'signed', history: log({ step: 'signature', outcome: 'signed' }) };
    default:
      return assertNever(event);
  }
}

/** The fields every existing contract has, without its status or chain. */
export function coreOf(state: ExistingContract): ContractCore {
  const { id, productionId, organisationId, vendorId, rfqId, quoteId, category, currency } = state;
  const { version, terms, milestones, round, history } = state;
  return {
    id,
    productionId,
    organisationId,
    vendorId,
    rfqId,
    quoteId,
    category,
    currency,
    version,
    terms,
    milestones,
    round,
    history,
  };
}

const to = (personId: string | undefined) => (personId === undefined ? {} : { to: personId });
const reason = (text: string | undefined) => (text === undefined ? {} : { reason: text });
