import type {
  ClockResponse,
  ShowCommandResult,
  ShowControlBody,
  ShowDayList,
  ShowHistory,
  ShowView,
} from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const shows = (productionId: string) => `/api/productions/${encodeURIComponent(productionId)}/shows`;
const show = (productionId: string, day: string) => `${shows(productionId)}/${encodeURIComponent(day)}`;

/** The show days of a production, with where each running show stands. */
export const listShowDays = (productionId: string) => requestJson<ShowDayList>('GET', shows(productionId));

/** The running show as the signed-in person may see it (404 until it starts). */
export const getShow = (productionId: string, day: string) =>
  requestJson<ShowView>('GET', show(productionId, day));

/** Freezes the rundown into the show run (the show caller, managers). */
export const startShow = (productionId: string, day: string, idempotencyKey: string) =>
  requestJson<ShowView>('POST', `${show(productionId, day)}/start`, { idempotencyKey });

/** A live command (an acknowledgement goes to its own route, open to the department's crew). */
export const sendShowCommand = (productionId: string, day: string, body: ShowControlBody) =>
  requestJson<ShowCommandResult>(
    'POST',
    `${show(productionId, day)}/${body.type === 'acknowledge' ? 'acknowledgements' : 'commands'}`,
    body,
  );

export const getClock = () => requestJson<ClockResponse>('GET', '/api/clock');

/** A show day as it happened, for the replay: the show's events, incidents and check-ins (404 before the show). */
export const getShowHistory = (productionId: string, day: string) =>
  requestJson<ShowHistory>('GET', `${show(productionId, day)}/history`);
