import type {
  ContractList,
  ContractView,
  DecisionAccepted,
  DecisionBody,
  DelegateStepBody,
  DraftContractBody,
  ReasonedDecisionBody,
  ReviseContractBody,
  SubmissionAccepted,
  SubmitContractBody,
  WithdrawContractBody,
} from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const enc = encodeURIComponent;

/** The production's contracts the viewer may see, most recently changed first. */
export const listContracts = (productionId: string) =>
  requestJson<ContractList>('GET', `/api/productions/${enc(productionId)}/contracts`);

export const getContract = (contractId: string) =>
  requestJson<ContractView>('GET', `/api/contracts/${enc(contractId)}`);

export const draftContract = (productionId: string, body: DraftContractBody) =>
  requestJson<ContractView>('POST', `/api/productions/${enc(productionId)}/contracts`, body);

export const reviseContract = (contractId: string, body: ReviseContractBody) =>
  requestJson<ContractView>('POST', `/api/contracts/${enc(contractId)}/revisions`, body);

export const submitContract = (contractId: string, body: SubmitContractBody) =>
  requestJson<SubmissionAccepted>('POST', `/api/contracts/${enc(contractId)}/submit`, body);

/**
 * The decisions on a step. Each answers at once: accepted, or refused with the reason (403 wrong person
 * or role, 409 wrong step, stale version or already decided).
 */
export const decide = {
  approve: (contractId: string, body: DecisionBody) =>
    requestJson<DecisionAccepted>('POST', `/api/contracts/${enc(contractId)}/approve`, body),
  reject: (contractId: string, body: ReasonedDecisionBody) =>
    requestJson<DecisionAccepted>('POST', `/api/contracts/${enc(contractId)}/reject`, body),
  sendBack: (contractId: string, body: ReasonedDecisionBody) =>
    requestJson<DecisionAccepted>('POST', `/api/contracts/${enc(contractId)}/send-back`, body),
  delegate: (contractId: string, body: DelegateStepBody) =>
    requestJson<DecisionAccepted>('POST', `/api/contracts/${enc(contractId)}/delegate`, body),
  withdraw: (contractId: string, body: WithdrawContractBody) =>
    requestJson<DecisionAccepted>('POST', `/api/contracts/${enc(contractId)}/withdraw`, body),
};
