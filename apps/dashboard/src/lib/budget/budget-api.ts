import type {
  ApproveBudgetOverrunBody,
  Budget,
  BudgetBurn,
  PaymentsDue,
  SetBudgetEstimateBody,
} from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const enc = encodeURIComponent;

/** The budget per category (production managers, finance approvers and admins only). */
export const getBudget = (productionId: string) =>
  requestJson<Budget>('GET', `/api/productions/${enc(productionId)}/budget`);

export const setEstimate = (productionId: string, body: SetBudgetEstimateBody) =>
  requestJson<Budget>('POST', `/api/productions/${enc(productionId)}/budget/estimates`, body);

export const getBurn = (productionId: string) =>
  requestJson<BudgetBurn>('GET', `/api/productions/${enc(productionId)}/budget/burn`);

export const getPaymentsDue = (productionId: string, withinDays = 14) =>
  requestJson<PaymentsDue>(
    'GET',
    `/api/productions/${enc(productionId)}/budget/payments-due?withinDays=${withinDays}`,
  );

export const approveOverrun = (productionId: string, body: ApproveBudgetOverrunBody) =>
  requestJson<Budget>('POST', `/api/productions/${enc(productionId)}/budget/overruns`, body);

/** The CSV export's address (a plain link: the session cookie authenticates the download). */
export const budgetCsvHref = (productionId: string) => `/api/productions/${enc(productionId)}/budget.csv`;
