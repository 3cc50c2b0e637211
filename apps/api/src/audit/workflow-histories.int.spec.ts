import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import type { KeptWorkflow, KeptWorkflows } from '@panggung/contracts';
import { workflowsPath } from '@panggung/workflows';
import { testWorkflowBundle } from '@panggung/workflows/testing';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, DEMO } from '../testing/test-api.ts';
import { startTestApiWithWorker, type TestApiWithWorker } from '../testing/test-api-with-worker.ts';
import { EXIT, type CliIo } from './verify-cli.ts';
import { runAuditReplayWorkflows } from './workflow-replay-cli.ts';
import { keptHistories, replayKeptHistories, type KeptHistory } from './workflow-replay.ts';

/**
 * Issue 7, item 6: the seeded lighting contract's approval and the concert's phases run to their end
 * through the API with a real worker; the keeper fetches each finished workflow's Temporal history and
 * keeps it with the production; the API lists and serves it; and it replays against the current workflow
 * code, while a deliberately changed workflow registered under the same type fails to replay it.
 */
let api: TestApiWithWorker;

beforeAll(async () => {
  api = await startTestApiWithWorker('wfhist');
  // The concert's phases workflow has opened planning: the worker is polling.
  await vi.waitFor(
    async () =>
      expect((await api.app.store.readStream(`production-${DEMO.concertId}`)).map((e) => e.type)).toContain(
        'ProductionPlanningOpened',
      ),
    { timeout: 60_000, interval: 100 },
  );
});

afterAll(() => api?.stop());

const as = async (email: string) => bearer(await api.signIn(email));
const get = async (email: string, url: string) =>
  api.app.inject({ method: 'GET', url, headers: await as(email) });
const post = async (email: string, url: string, payload: object) =>
  api.app.inject({ method: 'POST', url, headers: await as(email), payload });
const concert = `/api/productions/${DEMO.concertId}`;
const launch = `/api/productions/${DEMO.launchId}`;

const listed = async (url: string): Promise<KeptWorkflow[]> =>
  (await get('ayu@gema.test', `${url}/audit/workflows`)).json().workflows as KeptWorkflow[];

/** Waits until the production lists the workflow with the status, and returns it. */
const waitForListed = (url: string, workflowId: string, status: KeptWorkflow['status']) =>
  vi.waitFor(
    async () => {
      const workflow = (await listed(url)).find((w) => w.workflowId === workflowId);
      expect(workflow?.status).toBe(status);
      return workflow!;
    },
    { timeout: 30_000, interval: 100 },
  );

/** Waits until the contract's chain stands at `step` (the worker opens each step). */
const waitForStep = (contractId: string, step: string) =>
  vi.waitFor(
    async () => expect((await get('ayu@gema.test', `/api/contracts/${contractId}`)).json().step).toBe(step),
    { timeout: 20_000, interval: 100 },
  );

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** A CLI run in-process, its output collected. */
async function cli(args: string[], code?: Parameters<typeof runAuditReplayWorkflows>[2]) {
  const stdout = new PassThrough();
  const out: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  const io: CliIo = {
    env: { DATABASE_URL: api.config.databaseUrl },
    cwd: process.cwd(),
    stdout,
    stderr: new PassThrough(),
  };
  const exit = await runAuditReplayWorkflows(args, io, code);
  return { exit, stdout: Buffer.concat(out).toString('utf8') };
}

/**
 * A changed `contractApprovalWorkflow` (it waits on a timer before the chain starts), registered under the
 * same type: the workflows package's own replay fixture. Bundled once for the file.
 */
let changedCode: Promise<WorkflowBundleWithSourceMap> | undefined;
const changed = async () => ({
  workflowBundle: await (changedCode ??= bundleWorkflowCode({
    workflowsPath: path.join(path.dirname(workflowsPath), 'contracts/fixtures/delayed-workflow.ts'),
    logger: new DefaultLogger('WARN'),
  })),
});

let approvalId: string;
const phasesId = `production-${DEMO.concertId}`;

describe('a finished contract approval', () => {
  it('is kept with the production once the contract is signed, and listed with its run', async () => {
    expect(await listed(concert)).toEqual([]);
    const contracts = (await get('ayu@gema.test', `${concert}/contracts`)).json().items as Array<{
      id: string;
      category: string;
    }>;
    const lightingId = contracts.find((c) => c.category === 'lighting')!.id;
    approvalId = `contract-approval-${lightingId}-v1`;

    await waitForStep(lightingId, 'manager_review');
    const approved = await post('ayu@gema.test', `/api/contracts/${lightingId}/approve`, {
      step: 'manager_review',
      contractVersion: 1,
    });
    expect(approved.statusCode).toBe(200);
    await waitForStep(lightingId, 'client_approval');
    const signed = await post('maya@sinarcahaya.test', `/api/contracts/${lightingId}/approve`, {
      step: 'client_approval',
      contractVersion: 1,
    });
    expect(signed.json()).toMatchObject({ accepted: true, status: 'signed' });

    const kept = await waitForListed(concert, approvalId, 'kept');
    expect(kept).toMatchObject({
      kind: 'contract_approval',
      endedBy: 'ContractSigned',
      workflowType: 'contractApprovalWorkflow',
    });
    expect(kept.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(kept.events).toBeGreaterThan(10);
    expect(Date.parse(kept.closedAt!)).toBeGreaterThanOrEqual(Date.parse(kept.endedAt));
  }, 60_000);

  it('serves its history as a JSON download for budget roles', async () => {
    const response = await get('budi@gema.test', `${concert}/audit/workflows/${approvalId}/history`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${approvalId}.json"`);
    const history = response.json() as { events: Array<{ eventId: string; eventType: string }> };
    const [kept] = (await listed(concert)).filter((w) => w.workflowId === approvalId);
    expect(history.events).toHaveLength(kept!.events!);
    expect(history.events[0]?.eventType).toMatch(/WORKFLOW_EXECUTION_STARTED$/);
    expect(history.events.at(-1)?.eventType).toMatch(/WORKFLOW_EXECUTION_COMPLETED$/);
  });

  it('is for budget roles only: crew and client 403, a non-member 404, unknown or bad ids named', async () => {
    for (const email of [
      'eko@gema.test',
      'dewi@gema.test',
      'maya@sinarcahaya.test',
      'lina@cahayapanggung.test',
    ]) {
      expect((await get(email, `${concert}/audit/workflows`)).statusCode, email).toBe(403);
      expect((await get(email, `${concert}/audit/workflows/${approvalId}/history`)).statusCode, email).toBe(
        403,
      );
    }
    expect((await get('eko@gema.test', `${launch}/audit/workflows`)).statusCode).toBe(404);
    const unknown = await get(
      'ayu@gema.test',
      `${concert}/audit/workflows/contract-approval-nope-v1/history`,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'WORKFLOW_HISTORY_NOT_FOUND' });
    // Another production's workflow is not found through this one.
    const elsewhere = await get('ayu@gema.test', `${launch}/audit/workflows/${approvalId}/history`);
    expect(elsewhere.json()).toMatchObject({ statusCode: 404, code: 'WORKFLOW_HISTORY_NOT_FOUND' });
    const bad = await get('ayu@gema.test', `${concert}/audit/workflows/${encodeURIComponent('a b')}/history`);
    expect(bad.statusCode).toBe(400);
    expect((await api.app.inject({ method: 'GET', url: `${concert}/audit/workflows` })).statusCode).toBe(401);
  });
});

describe('the keeper', () => {
  it('waits for a workflow still running without giving up, and marks one Temporal does not know missing', async () => {
    // Queued as an ending event would queue them: the launch's phases workflow runs on; the approval never ran.
    const running = `production-${DEMO.launchId}`;
    const neverRan = `contract-approval-${randomUUID()}-v1`;
    await api.app.store.db
      .insertInto('workflow_histories')
      .values(
        [running, neverRan].map((workflowId) => ({
          workflow_id: workflowId,
          production_id: DEMO.launchId,
          kind: workflowId === running ? ('production_phases' as const) : ('contract_approval' as const),
          ended_by: 'test',
          ended_at: new Date().toISOString(),
        })),
      )
      .execute();

    expect(await waitForListed(launch, neverRan, 'missing')).toMatchObject({ runId: null, events: null });
    await vi.waitFor(
      async () => {
        const row = await api.app.store.db
          .selectFrom('workflow_histories')
          .select(['status', 'attempts', 'claimed_until', 'last_error'])
          .where('workflow_id', '=', running)
          .executeTakeFirstOrThrow();
        // Looked at again and again, never claimed for longer than one look, and no error.
        expect(row).toEqual({
          status: 'pending',
          attempts: expect.any(Number),
          claimed_until: null,
          last_error: null,
        });
        expect(row.attempts).toBeGreaterThanOrEqual(2);
      },
      { timeout: 30_000, interval: 100 },
    );
    const waiting = await get('ayu@gema.test', `${launch}/audit/workflows/${running}/history`);
    expect(waiting.statusCode).toBe(404);
    expect(waiting.json()).toMatchObject({ code: 'WORKFLOW_HISTORY_NOT_KEPT' });
  }, 60_000);
});

describe('the production phases workflow', () => {
  it('is kept once the production is closed by its last gate', async () => {
    const reason = 'Uji audit: semua fase dilewati dengan sengaja';
    for (const to of ['pre_production', 'technical_rehearsal', 'show_day', 'wrap_up', 'closed']) {
      const forced = await post('ayu@gema.test', `${concert}/phases/force`, { to, reason });
      expect(forced.statusCode, to).toBe(200);
    }
    const kept = await waitForListed(concert, phasesId, 'kept');
    expect(kept).toMatchObject({
      kind: 'production_phases',
      endedBy: 'ProductionPhaseChanged',
      workflowType: 'productionWorkflow',
    });
  }, 60_000);

  it('lists them a page at a time, oldest end first, and names a bad cursor', async () => {
    const all = await listed(concert);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const query = cursor ? `?limit=1&cursor=${encodeURIComponent(cursor)}` : '?limit=1';
      const page = (await get('ayu@gema.test', `${concert}/audit/workflows${query}`)).json() as KeptWorkflows;
      expect(page.workflows).toHaveLength(1);
      seen.push(page.workflows[0]!.workflowId);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((workflow) => workflow.workflowId));

    for (const query of [
      '?cursor=yesterday',
      '?cursor=2027-13-01T00:00:00.000Z~x',
      '?limit=0',
      '?limit=501',
    ]) {
      const bad = await get('ayu@gema.test', `${concert}/audit/workflows${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json(), query).toMatchObject({ code: 'VALIDATION' });
    }
  });
});

describe('replaying the kept histories', () => {
  let kept: KeptHistory[];

  it('holds against the current workflow code', async () => {
    kept = await collect(keptHistories(api.app.store.db, DEMO.concertId));
    expect(kept.map((history) => history.workflowId).sort()).toEqual([approvalId, phasesId].sort());
    const results = await collect(replayKeptHistories(kept, { workflowBundle: await testWorkflowBundle() }));
    expect(
      results
        .map(({ workflowId, error }) => ({ workflowId, error }))
        .sort((a, b) => a.workflowId.localeCompare(b.workflowId)),
    ).toEqual([approvalId, phasesId].sort().map((workflowId) => ({ workflowId, error: undefined })));
  });

  it('fails with a DeterminismViolationError against a changed workflow of the same type', async () => {
    const approval = kept.find((history) => history.workflowId === approvalId)!;
    const [result] = await collect(replayKeptHistories([approval], await changed()));
    expect(result?.workflowId).toBe(approvalId);
    expect(result?.error?.name).toBe('DeterminismViolationError');
  });

  it('`pnpm audit:replay-workflows` prints each workflow and exits 0 when all hold, 1 when one does not', async () => {
    // The script itself, as `pnpm audit:replay-workflows` runs it: it bundles the current code and exits.
    const script = path.resolve(import.meta.dirname, '../cli/audit-replay-workflows.ts');
    const current = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', script, '--', '--production', DEMO.concertId],
      { env: { ...process.env, DATABASE_URL: api.config.databaseUrl }, timeout: 120_000 },
    );
    expect(current.stdout).toContain(`OK     ${approvalId} (contractApprovalWorkflow, run `);
    expect(current.stdout).toContain(`OK     ${phasesId} (productionWorkflow, run `);
    expect(current.stdout).toMatch(/^OK: 2 workflows replayed/m);

    const broken = await cli(['--', '--production', DEMO.concertId], await changed());
    expect(broken.exit).toBe(EXIT.broken);
    expect(broken.stdout).toMatch(new RegExp(`^FAILED ${approvalId} .*: DeterminismViolationError`, 'm'));
    // The changed code has no productionWorkflow at all: that replay fails too, as a ReplayError.
    expect(broken.stdout).toMatch(new RegExp(`^FAILED ${phasesId} .*: ReplayError`, 'm'));
    expect(broken.stdout).toMatch(/^FAILED: 2 of 2 workflows no longer replay/m);

    expect((await cli(['--', '--production', 'not-a-uuid'])).exit).toBe(EXIT.usage);
    const none = await cli(['--', '--production', randomUUID()]);
    expect(none).toEqual({
      exit: EXIT.ok,
      stdout: expect.stringMatching(/^No kept workflow histories for production/),
    });
  }, 120_000);
});
