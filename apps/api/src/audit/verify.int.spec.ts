import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { AuditExportLine } from '@panggung/contracts';
import { verifyExport } from '@panggung/event-store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';
import { EXIT, runAuditExport, runAuditVerify, type CliIo } from './verify-cli.ts';

/** Exporting a production's history, verifying it offline and in the database, and who may. */
let api: TestApi;
let dir: string;
beforeAll(async () => {
  api = await startTestApi('audit_verify');
  dir = await mkdtemp(join(tmpdir(), 'panggung-audit-'));
});
afterAll(() => api.app.close());

const call = async (email: string, url: string) =>
  api.app.inject({ method: 'GET', url, headers: bearer(await api.signIn(email)) });
const concert = `/api/productions/${DEMO.concertId}`;
const lines = (body: string) => body.split('\n').filter((line) => line !== '');

/** A CLI run in-process, its output collected. */
async function cli(run: typeof runAuditVerify, args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const io: CliIo = { env: { DATABASE_URL: api.config.databaseUrl }, cwd: dir, stdout, stderr };
  const code = await run(args, io);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe("a production's export", () => {
  it('holds only the production’s streams, each complete from version 1, and verifies offline', async () => {
    const response = await call('ayu@gema.test', `${concert}/audit/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const exported = lines(response.body).map((line) => JSON.parse(line) as AuditExportLine);

    const { rows } = await sql<{ n: string }>`
      select count(*) as n from events where data->>'productionId' = ${DEMO.concertId}
    `.execute(api.app.store.db);
    expect(exported.length).toBe(Number(rows[0]!.n));
    expect(exported.length).toBeGreaterThan(20);
    expect(exported.every((line) => line.data['productionId'] === DEMO.concertId)).toBe(true);

    // Each stream: versions 1..n in order, ending at the head the store recorded.
    const versions = new Map<string, number[]>();
    for (const line of exported)
      versions.set(line.streamId, [...(versions.get(line.streamId) ?? []), Number(line.streamVersion)]);
    const heads = await api.app.store.db
      .selectFrom('streams')
      .where('stream_id', 'in', [...versions.keys()])
      .select(['stream_id', 'version'])
      .execute();
    expect(heads).toHaveLength(versions.size);
    for (const head of heads)
      expect(versions.get(head.stream_id)).toEqual(
        Array.from({ length: Number(head.version) }, (_, i) => i + 1),
      );
    expect([...versions.keys()]).toEqual(expect.arrayContaining([`production-${DEMO.concertId}`]));

    const report = await verifyExport(lines(response.body));
    expect(report).toMatchObject({ ok: true, eventsChecked: exported.length, streamsChecked: versions.size });
  });

  it('comes the same from the CLI, which verifies it offline and rejects it tampered (exit 1)', async () => {
    const fromApi = await call('rina@gema.test', `${concert}/audit/export`);
    const exported = await cli(runAuditExport, ['--', DEMO.concertId]);
    expect(exported.code).toBe(EXIT.ok);
    expect(exported.stdout).toBe(fromApi.body);
    await writeFile(join(dir, 'concert.jsonl'), exported.stdout);

    // Offline: no DATABASE_URL at all.
    const offline = async (file: string) => {
      const stdout = new PassThrough();
      const chunks: Buffer[] = [];
      stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      const code = await runAuditVerify(['--', '--file', file], {
        env: {},
        cwd: dir,
        stdout,
        stderr: new PassThrough(),
      });
      return { code, stdout: Buffer.concat(chunks).toString('utf8') };
    };
    const good = await offline('concert.jsonl');
    expect(good).toMatchObject({ code: EXIT.ok, stdout: expect.stringMatching(/^OK: /) });

    const tampered = lines(exported.stdout);
    const index = tampered.findIndex((line) => (JSON.parse(line) as AuditExportLine).streamVersion === '2');
    const target = JSON.parse(tampered[index]!) as AuditExportLine;
    tampered[index] = JSON.stringify({ ...target, metadata: { ...target.metadata, actor: 'person:forger' } });
    await writeFile(join(dir, 'tampered.jsonl'), tampered.join('\n') + '\n');
    const bad = await offline('tampered.jsonl');
    expect(bad.code).toBe(EXIT.broken);
    expect(bad.stdout).toContain(`BROKEN`);
    expect(bad.stdout).toContain(`Stream "${target.streamId}" breaks at version 2`);

    expect((await offline('missing.jsonl')).code).toBe(EXIT.usage);
    // What `pnpm audit:export … > file` without --silent would write: pnpm's banner first.
    await writeFile(join(dir, 'banner.jsonl'), `\n> panggung@0.1.0 audit:export\n${exported.stdout}`);
    expect(await offline('banner.jsonl')).toMatchObject({
      code: EXIT.broken,
      stdout: expect.stringMatching(/^REJECTED: Line 2 /),
    });
    // --out writes the same lines to a file.
    expect((await cli(runAuditExport, ['--', DEMO.concertId, '--out', 'out.jsonl'])).code).toBe(EXIT.ok);
    expect(await readFile(join(dir, 'out.jsonl'), 'utf8')).toBe(exported.stdout);
    expect((await cli(runAuditVerify, ['--production', 'not-a-uuid'])).code).toBe(EXIT.usage);
  });

  it('is for managers: other roles 403, a non-member 404, nobody signed in 401', async () => {
    for (const email of [
      'budi@gema.test',
      'dewi@gema.test',
      'eko@gema.test',
      'maya@sinarcahaya.test',
      'hendra@suaraprima.test',
    ])
      for (const path of ['export', 'verify'])
        expect((await call(email, `${concert}/audit/${path}`)).statusCode, `${email} ${path}`).toBe(403);
    const launch = `/api/productions/${DEMO.launchId}`;
    expect((await call('eko@gema.test', `${launch}/audit/export`)).statusCode).toBe(404);
    expect((await call('eko@gema.test', `${launch}/audit/verify`)).statusCode).toBe(404);
    expect((await api.app.inject({ method: 'GET', url: `${concert}/audit/export` })).statusCode).toBe(401);
    // The whole database: organisation administrators only.
    expect((await call('ayu@gema.test', '/api/audit/verify')).statusCode).toBe(403);
    expect((await call('budi@gema.test', '/api/audit/verify')).statusCode).toBe(403);
  });
});

describe('verification', () => {
  it('finds every chain whole, then names the first broken link of a row tampered in the database', async () => {
    expect((await call('ayu@gema.test', `${concert}/audit/verify`)).json()).toMatchObject({
      ok: true,
      brokenLinks: [],
    });
    const all = (await call('rina@gema.test', '/api/audit/verify')).json();
    expect(all).toMatchObject({ ok: true, brokenLinks: [] });
    expect(all.eventsChecked).toBeGreaterThan(0);
    expect((await cli(runAuditVerify, [])).code).toBe(EXIT.ok);

    // As a superuser would: the append-only triggers off for this transaction only.
    const stream = `production-${DEMO.concertId}`;
    await api.app.store.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`
        update events set data = jsonb_set(data, '{name}', '"Konser Palsu"')
        where stream_id = ${stream} and stream_version = 1
      `.execute(trx);
    });

    const broken = {
      ok: false,
      brokenLinks: [
        expect.objectContaining({ streamId: stream, streamVersion: '1', reason: 'hash-mismatch' }),
      ],
    };
    expect((await call('ayu@gema.test', `${concert}/audit/verify`)).json()).toMatchObject(broken);
    expect((await call('rina@gema.test', '/api/audit/verify')).json()).toMatchObject(broken);
    // The other production is not touched.
    expect(
      (await call('rina@gema.test', `/api/productions/${DEMO.launchId}/audit/verify`)).json(),
    ).toMatchObject({
      ok: true,
    });
    const production = await cli(runAuditVerify, ['--', '--production', DEMO.concertId]);
    expect(production.code).toBe(EXIT.broken);
    expect(production.stdout).toContain(`Stream "${stream}" breaks at version 1`);
    expect(production.stderr).toContain('events checked');
    expect((await cli(runAuditVerify, [])).code).toBe(EXIT.broken);
    expect(await readFile(join(dir, 'concert.jsonl'), 'utf8')).not.toContain('Konser Palsu');
  });
});
