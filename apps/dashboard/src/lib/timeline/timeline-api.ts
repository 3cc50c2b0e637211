import type {
  AddDependencyBody,
  AddTaskBody,
  Timeline,
  TimelineTemplateKind,
  UpdateTaskBody,
} from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const enc = encodeURIComponent;
const base = (productionId: string) => `/api/productions/${enc(productionId)}/timeline`;

export const getTimeline = (productionId: string) => requestJson<Timeline>('GET', base(productionId));

export const addTask = (productionId: string, body: AddTaskBody) =>
  requestJson<Timeline>('POST', `${base(productionId)}/tasks`, body);

export const updateTask = (productionId: string, taskId: string, body: UpdateTaskBody) =>
  requestJson<Timeline>('PATCH', `${base(productionId)}/tasks/${enc(taskId)}`, body);

export const startTask = (productionId: string, taskId: string) =>
  requestJson<Timeline>('POST', `${base(productionId)}/tasks/${enc(taskId)}/start`);

export const completeTask = (productionId: string, taskId: string) =>
  requestJson<Timeline>('POST', `${base(productionId)}/tasks/${enc(taskId)}/complete`);

export const removeTask = (productionId: string, taskId: string) =>
  requestJson<Timeline>('DELETE', `${base(productionId)}/tasks/${enc(taskId)}`);

export const addDependency = (productionId: string, body: AddDependencyBody) =>
  requestJson<Timeline>('POST', `${base(productionId)}/dependencies`, body);

export const removeDependency = (productionId: string, predecessorId: string, successorId: string) =>
  requestJson<Timeline>(
    'DELETE',
    `${base(productionId)}/dependencies/${enc(predecessorId)}/${enc(successorId)}`,
  );

export const applyTemplate = (productionId: string, template: TimelineTemplateKind) =>
  requestJson<Timeline>('POST', `${base(productionId)}/templates`, { template });
