import type { Logistics, ScheduleLoadWindowBody } from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const base = (productionId: string) => `/api/productions/${encodeURIComponent(productionId)}/logistics`;

export const getLogistics = (productionId: string) => requestJson<Logistics>('GET', base(productionId));

export const scheduleWindow = (productionId: string, body: ScheduleLoadWindowBody) =>
  requestJson<Logistics>('POST', `${base(productionId)}/windows`, body);
