import type { AuditCallSheet, AuditContract, AuditState, ContractEvents } from '@panggung/contracts';
import {
  budgetLines,
  BUDGET_EVENT_TYPES,
  evolveBudget,
  initialBudgetState,
  type BudgetEvent,
  type BudgetState,
} from '../budget/budget.ts';
import { approvalChainView } from '../contracts/chain-view.ts';
import {
  CONTRACT_EVENT_TYPES,
  evolveContract,
  initialContractState,
  type ContractEvent,
  type ContractState,
} from '../contracts/contract.ts';
import {
  CREW_EVENT_TYPES,
  crewShifts,
  evolveCrew,
  initialCrewState,
  pendingAcknowledgements,
  type CrewEvent,
  type CrewState,
} from '../crew/crew.ts';
import {
  evolveProduction,
  initialProductionState,
  PRODUCTION_EVENT_TYPES,
  type ProductionEvent,
  type ProductionState,
} from '../productions/production.ts';
import { showPosition } from '../show/position.ts';
import {
  evolveShow,
  initialShowState,
  SHOW_EVENT_TYPES,
  type ShowEvent,
  type ShowState,
} from '../show/show-run.ts';

/**
 * One event of a production as time travel reads it: from any of its streams, in global order. The API
 * maps the store's events to this shape (the domain knows nothing of the store).
 */
export interface AuditEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  /** The checkpoint `"<transaction>:<position>"`. */
  readonly position: string;
  /** ISO-8601, from the event's metadata. */
  readonly recordedAt: string;
  /** The metadata's actor: `person:<id>`, `workflow:…`, `system`. */
  readonly actor: string;
}

/** What a fold over a production's events holds, before it is shown as an `AuditState`. */
export interface AuditFold {
  readonly productionId: string;
  readonly production: ProductionState;
  readonly budget: BudgetState;
  readonly contracts: ReadonlyMap<string, ContractState>;
  /** RFQ id → title: what a contract is called. */
  readonly rfqTitles: ReadonlyMap<string, string>;
  readonly crew: CrewState;
  readonly shows: ReadonlyMap<string, ShowState>;
  readonly last: AuditEvent | undefined;
  readonly count: number;
}

/**
 * Folds a production's events one at a time with each capability's own `evolve`; events of capabilities
 * the snapshot does not show (logistics, comments…) only move its position. The per-item maps are
 * updated in place (the fold is private to one read), so a long history costs one pass and no copies.
 */
export class AuditFolder implements AuditFold {
  production: ProductionState = initialProductionState;
  budget: BudgetState = initialBudgetState;
  readonly contracts = new Map<string, ContractState>();
  readonly rfqTitles = new Map<string, string>();
  crew: CrewState = initialCrewState;
  readonly shows = new Map<string, ShowState>();
  last: AuditEvent | undefined = undefined;
  count = 0;

  constructor(readonly productionId: string) {}

  apply(event: AuditEvent): this {
    this.last = event;
    this.count += 1;
    const { type } = event;
    if (PRODUCTION_EVENT_TYPES.has(type))
      this.production = evolveProduction(this.production, event as unknown as ProductionEvent);
    else if (BUDGET_EVENT_TYPES.has(type))
      this.budget = evolveBudget(this.budget, event as unknown as BudgetEvent);
    else if (CONTRACT_EVENT_TYPES.has(type)) {
      const contract = event as unknown as ContractEvent;
      const id = contract.data.contractId;
      this.contracts.set(id, evolveContract(this.contracts.get(id) ?? initialContractState, contract));
    } else if (type === 'RfqIssued') {
      const { rfqId, title } = event.data as ContractEvents.RfqIssued;
      this.rfqTitles.set(rfqId, title);
    } else if (CREW_EVENT_TYPES.has(type)) this.crew = evolveCrew(this.crew, event as unknown as CrewEvent);
    else if (SHOW_EVENT_TYPES.has(type)) {
      const show = event as unknown as ShowEvent;
      const day = show.data.showDay;
      this.shows.set(day, evolveShow(this.shows.get(day) ?? initialShowState, show));
    }
    return this;
  }
}

/** The snapshot a fold stands for, as the API returns it. */
export function auditStateOf(fold: AuditFold): AuditState {
  const { production, crew } = fold;
  const contracts: AuditContract[] = [];
  for (const state of fold.contracts.values()) {
    const chain = approvalChainView(state);
    if (state.status === 'none' || !chain) continue;
    contracts.push({
      contractId: state.id,
      title: fold.rfqTitles.get(state.rfqId) ?? state.category,
      vendorId: state.vendorId,
      category: state.category,
      status: state.status,
      version: state.version,
      total: state.terms.total,
      chain,
    });
  }
  const callSheets: AuditCallSheet[] = Object.entries(crew.days)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, sheet]) => ({
      day,
      version: sheet.version,
      publishedAt: sheet.publishedAt,
      changed: sheet.changed,
      calls: [...sheet.calls],
      acknowledged: [...sheet.acknowledged],
      pending: pendingAcknowledgements(sheet),
    }));
  const shows = [...fold.shows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([showDay, show]) =>
      show.status === 'none' ? [] : [{ showDay, position: showPosition(show) }],
    );
  return {
    productionId: fold.productionId,
    position: fold.last?.position ?? null,
    recordedAt: fold.last?.recordedAt ?? null,
    eventCount: fold.count,
    production:
      production.status === 'exists' ? { details: production.details, phase: production.phase } : null,
    budget: budgetLines(fold.budget),
    contracts,
    crew: {
      shifts: crewShifts(crew).sort(
        (a, b) => Date.parse(a.callAt) - Date.parse(b.callAt) || a.shiftId.localeCompare(b.shiftId),
      ),
      callSheets,
    },
    shows,
  };
}

/**
 * A production as it was after the given events: its events in global order, up to the moment asked
 * for. Each capability's own `evolve` folds its events, so the snapshot agrees with the read models.
 * `from` is where the fold starts: nothing, or a stored snapshot of the events before `events` (see
 * `decodeFold`); it is folded on in place.
 *
 * @example
 * productionAt(productionId, eventsUpTo(position)).budget // the budget lines at that position
 */
export function productionAt(
  productionId: string,
  events: Iterable<AuditEvent>,
  from: AuditFolder = new AuditFolder(productionId),
): AuditState {
  const folder = from;
  for (const event of events) folder.apply(event);
  return auditStateOf(folder);
}
