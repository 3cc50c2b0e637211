import type { BudgetReport } from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

/** The budget at the production's close (or as of now while it is open), for the printable page. */
export const getBudgetReport = (productionId: string) =>
  requestJson<BudgetReport>('GET', `/api/productions/${encodeURIComponent(productionId)}/reports/budget`);
