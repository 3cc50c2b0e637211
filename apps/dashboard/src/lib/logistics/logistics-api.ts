import type {
  AddEquipmentBody,
  Logistics,
  ScheduleLoadWindowBody,
  ScheduleTransportRunBody,
  SetVenueDetailsBody,
} from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const base = (productionId: string) => `/api/productions/${encodeURIComponent(productionId)}/logistics`;

export const getLogistics = (productionId: string) => requestJson<Logistics>('GET', base(productionId));

export const scheduleWindow = (productionId: string, body: ScheduleLoadWindowBody) =>
  requestJson<Logistics>('POST', `${base(productionId)}/windows`, body);

export const removeWindow = (productionId: string, windowId: string) =>
  requestJson<Logistics>('DELETE', `${base(productionId)}/windows/${encodeURIComponent(windowId)}`);

export const setVenue = (productionId: string, body: SetVenueDetailsBody) =>
  requestJson<Logistics>('POST', `${base(productionId)}/venue`, body);

export const addEquipment = (productionId: string, body: AddEquipmentBody) =>
  requestJson<Logistics>('POST', `${base(productionId)}/equipment`, body);

export const removeEquipment = (productionId: string, itemId: string) =>
  requestJson<Logistics>('DELETE', `${base(productionId)}/equipment/${encodeURIComponent(itemId)}`);

export const scheduleRun = (productionId: string, body: ScheduleTransportRunBody) =>
  requestJson<Logistics>('POST', `${base(productionId)}/runs`, body);

export const cancelRun = (productionId: string, runId: string) =>
  requestJson<Logistics>('DELETE', `${base(productionId)}/runs/${encodeURIComponent(runId)}`);
