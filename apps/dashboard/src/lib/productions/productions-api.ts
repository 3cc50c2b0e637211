import type { MemberList, Production, ProductionPage } from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

export const PAGE_SIZE = 20;

export function listProductions(cursor?: string, limit = PAGE_SIZE): Promise<ProductionPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return requestJson<ProductionPage>('GET', `/api/productions?${query}`);
}

export const getProduction = (id: string) =>
  requestJson<Production>('GET', `/api/productions/${encodeURIComponent(id)}`);

/** The team, for names in the activity feed (clients and vendors may not see it: 403). */
export const listMembers = (id: string) =>
  requestJson<MemberList>('GET', `/api/productions/${encodeURIComponent(id)}/members`);
