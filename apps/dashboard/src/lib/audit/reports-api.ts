import type { BudgetReport, KeptWorkflows } from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

/** The budget at the production's close (or as of now while it is open), for the printable page. */
export const getBudgetReport = (productionId: string) =>
  requestJson<BudgetReport>('GET', `/api/productions/${encodeURIComponent(productionId)}/reports/budget`);

/** The production's finished workflows and whether their Temporal histories are kept (issue 7, item 6). */
export const getKeptWorkflows = (productionId: string, cursor?: string) =>
  requestJson<KeptWorkflows>(
    'GET',
    `/api/productions/${encodeURIComponent(productionId)}/audit/workflows` +
      (cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''),
  );

/** Where a kept history downloads (Temporal's JSON, as `temporal workflow show --output json` reads it). */
export const workflowHistoryHref = (productionId: string, workflowId: string) =>
  `/api/productions/${encodeURIComponent(productionId)}/audit/workflows/${encodeURIComponent(workflowId)}/history`;
