import type { Budget, SetBudgetEstimateBody } from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const enc = encodeURIComponent;

/** The budget per category (production managers, finance approvers and admins only). */
export const getBudget = (productionId: string) =>
  requestJson<Budget>('GET', `/api/productions/${enc(productionId)}/budget`);

export const setEstimate = (productionId: string, body: SetBudgetEstimateBody) =>
  requestJson<Budget>('POST', `/api/productions/${enc(productionId)}/budget/estimates`, body);
