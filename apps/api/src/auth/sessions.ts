import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/tables.ts';

export const SESSION_COOKIE = 'panggung_session';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Opens a session; only the token's hash is stored, so a leaked table opens no session. */
export async function openSession(
  db: Kysely<Database>,
  personId: string,
  ttlHours: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), person_id: personId, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** The person behind a live session token, or undefined. */
export async function findSessionPerson(db: Kysely<Database>, token: string): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('sessions')
    .select('person_id')
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row?.person_id;
}

export async function closeSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
