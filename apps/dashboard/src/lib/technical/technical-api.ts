import type {
  AddChecklistItemBody,
  AddTechnicalRiderBody,
  AssignDepartmentHeadBody,
  FixRehearsalIssueBody,
  RecordRehearsalIssueBody,
  SetChecklistItemBody,
  SignOffChecklistBody,
  Technical,
} from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const base = (productionId: string) => `/api/productions/${encodeURIComponent(productionId)}/technical`;

/** Riders, checklists, sign-offs and rehearsal issues (the production team only). */
export const getTechnical = (productionId: string) => requestJson<Technical>('GET', base(productionId));

export const assignHead = (productionId: string, body: AssignDepartmentHeadBody) =>
  requestJson<Technical>('POST', `${base(productionId)}/heads`, body);

export const addRider = (productionId: string, body: AddTechnicalRiderBody) =>
  requestJson<Technical>('POST', `${base(productionId)}/riders`, body);

export const addItem = (productionId: string, body: AddChecklistItemBody) =>
  requestJson<Technical>('POST', `${base(productionId)}/items`, body);

export const setItem = (productionId: string, itemId: string, body: SetChecklistItemBody) =>
  requestJson<Technical>('PATCH', `${base(productionId)}/items/${encodeURIComponent(itemId)}`, body);

export const signOff = (productionId: string, body: SignOffChecklistBody) =>
  requestJson<Technical>('POST', `${base(productionId)}/sign-offs`, body);

export const recordIssue = (productionId: string, body: RecordRehearsalIssueBody) =>
  requestJson<Technical>('POST', `${base(productionId)}/issues`, body);

export const fixIssue = (productionId: string, issueId: string, body: FixRehearsalIssueBody) =>
  requestJson<Technical>('POST', `${base(productionId)}/issues/${encodeURIComponent(issueId)}/fix`, body);
