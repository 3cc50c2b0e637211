import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDatabase } from '../postgres/postgres.ts';

/**
 * A fresh, empty database on the test PostgreSQL server, so test files never see each other's rows.
 * Call it from an integration test (`*.int.spec.ts`); the server comes from the global setup.
 */
export async function freshDatabase(label: string): Promise<string> {
  const safe = label
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 40);
  return createDatabase(inject('pgServerUrl'), `t_${safe}_${randomBytes(4).toString('hex')}`);
}
