import type { AuditChange, AuditChangePage, AuditState } from '@panggung/contracts';
import { requestJson } from '../api/client.ts';
import type { Locale } from '../i18n/translate.ts';

const enc = encodeURIComponent;

/** The production as it was right after the event at `position` (a change's checkpoint), inclusive. */
export const getStateAt = (productionId: string, position: string) =>
  requestJson<AuditState>(
    'GET',
    `/api/productions/${enc(productionId)}/audit/state?position=${enc(position)}`,
  );

/** Every change of the production, oldest first, page after page (at most `maxPages` of 500). */
export async function getAllChanges(
  productionId: string,
  lang: Locale,
  maxPages = 40,
): Promise<AuditChange[]> {
  const changes: AuditChange[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const query = new URLSearchParams({ limit: '500', lang });
    if (cursor) query.set('cursor', cursor);
    const result: AuditChangePage = await requestJson<AuditChangePage>(
      'GET',
      `/api/productions/${enc(productionId)}/audit/changes?${query.toString()}`,
    );
    changes.push(...result.items);
    cursor = result.nextCursor;
    if (cursor === null) break;
  }
  return changes;
}
