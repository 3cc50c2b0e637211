import type { ApprovalInbox } from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

/** Every step waiting for the signed-in person, across their productions, oldest first. */
export const getInbox = () => requestJson<ApprovalInbox>('GET', '/api/approvals');
