import type { ApprovalChainView } from '@panggung/contracts';
import { isHumanStep, STEP_ROLE, type ContractState } from './contract.ts';

/**
 * The approval chain as people see it: where it stands, who decides next, and the history of every round.
 * Undefined for a contract that does not exist.
 */
export function approvalChainView(state: ContractState): ApprovalChainView | undefined {
  if (state.status === 'none') return undefined;
  const base = {
    contractId: state.id,
    productionId: state.productionId,
    vendorId: state.vendorId,
    version: state.version,
    status: state.status,
    round: state.round,
    total: state.terms.total,
    history: [...state.history],
  };
  if (state.status !== 'in_approval') return base;
  const { step, assigneeId, clientApprovalRequired, overrun } = state.chain;
  return {
    ...base,
    step,
    ...(assigneeId === undefined ? {} : { assigneeId }),
    ...(isHumanStep(step) ? { assigneeRole: STEP_ROLE[step] } : {}),
    clientApprovalRequired,
    overrun,
  };
}
