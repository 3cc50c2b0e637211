/**
 * The activities the contract approval workflow needs; `apps/worker` implements them
 * (`createContractActivities`). Only types live here.
 */
import type { BudgetCheckResult, VendorCategory } from '@panggung/contracts';
import type { ContractEvent, ContractState } from '@panggung/domain';
import type { AppendedEvents, WorkflowStep } from '../production/activities.ts';

export interface ContractApprovalActivities {
  /** The contract as its stream stands (folded by the domain's `evolveContract`). */
  loadContract(input: { readonly contractId: string }): Promise<{ readonly state: ContractState }>;
  /**
   * Appends one step's events to `contract-<id>`, once per workflow step (idempotency key
   * `<workflowId>:<step>`), with `actor` as the events' metadata actor (`person:<id>` for a decision).
   */
  appendContractEvents(
    input: WorkflowStep & {
      readonly contractId: string;
      readonly events: readonly ContractEvent[];
      readonly actor?: string;
    },
  ): Promise<AppendedEvents>;
  /** Reads `budget-<productionId>` and runs the domain's `checkBudget`: pure computation on stored facts. */
  checkContractBudget(input: {
    readonly productionId: string;
    readonly category: VendorCategory;
    readonly contractTotal: number;
  }): Promise<BudgetCheckResult>;
  /** Raises the category's committed amount by the signed contract's total (`BudgetCommitted`), once. */
  commitContractToBudget(
    input: WorkflowStep & {
      readonly productionId: string;
      readonly category: VendorCategory;
      readonly contractId: string;
      readonly vendorId: string;
      readonly amount: number;
    },
  ): Promise<AppendedEvents>;
}
