import { PassThrough } from 'node:stream';
import { testWorkflowBundle } from '@panggung/workflows/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, DEMO } from '../testing/test-api.ts';
import { startTestApiWithWorker, type TestApiWithWorker } from '../testing/test-api-with-worker.ts';
import { EXIT, runAuditReplayWorkflows } from './verify-cli.ts';
import { keptHistories, replayKeptHistories, type KeptHistory } from './workflow-replay.ts';

/**
 * Issue 7, item 6: the seeded lighting contract's approval runs to signed through the API with a real
 * worker; its finished workflow's Temporal history is kept with the production, listed and served by the
 * API, and replays against the current workflow code — while a tampered copy of it does not.
 */
let api: TestApiWithWorker;

beforeAll(async () => {
  api = await startTestApiWithWorker('wfhist');
});

afterAll(() => api?.stop());

const as = async (email: string) => bearer(await api.signIn(email));
const get = async (email: string, url: string) =>
  api.app.inject({ method: 'GET', url, headers: await as(email) });
const post = async (email: string, url: string, payload: object) =>
  api.app.inject({ method: 'POST', url, headers: await as(email), payload });
const concert = `/api/productions/${DEMO.concertId}`;

interface Listed {
  workflowId: string;
  runId: string;
  workflowType: string;
  closedAt: string;
  events: number;
}

let lightingId: string;
let approvalWorkflowId: string;

/** Waits until the contract's chain stands at `step` (the worker opens each step). */
const waitForStep = (contractId: string, step: string) =>
  vi.waitFor(
    async () => {
      const contract = (await get('ayu@gema.test', `/api/contracts/${contractId}`)).json();
      expect(contract.step).toBe(step);
    },
    { timeout: 20_000, interval: 100 },
  );

describe('a finished approval workflow', () => {
  it('is kept with the production once the contract is signed, and listed for managers', async () => {
    const contracts = (await get('ayu@gema.test', `${concert}/contracts`)).json().items as Array<{
      id: string;
      category: string;
    }>;
    lightingId = contracts.find((c) => c.category === 'lighting')!.id;
    approvalWorkflowId = `contract-approval-${lightingId}-v1`;
    expect((await get('ayu@gema.test', `${concert}/audit/workflows`)).json()).toEqual({ workflows: [] });

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

    const listed = await vi.waitFor(
      async () => {
        const workflows = (await get('ayu@gema.test', `${concert}/audit/workflows`)).json()
          .workflows as Listed[];
        expect(workflows.map((w) => w.workflowId)).toContain(approvalWorkflowId);
        return workflows.find((w) => w.workflowId === approvalWorkflowId)!;
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(listed).toMatchObject({ workflowType: 'contractApprovalWorkflow' });
    expect(listed.events).toBeGreaterThan(10);
    expect(Date.parse(listed.closedAt)).toBeLessThanOrEqual(Date.now());

    const one = (await get('rina@gema.test', `${concert}/audit/workflows/${approvalWorkflowId}`)).json();
    expect(one).toMatchObject({ workflowId: approvalWorkflowId, runId: listed.runId });
    expect(one.history.events).toHaveLength(listed.events);
    expect(one.history.events[0]).toMatchObject({ eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED' });
    expect(one.history.events.at(-1)).toMatchObject({ eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED' });
  });

  it('is for managers: other roles 403, a non-member 404, an unknown workflow 404', async () => {
    for (const email of [
      'budi@gema.test',
      'eko@gema.test',
      'maya@sinarcahaya.test',
      'lina@cahayapanggung.test',
    ])
      expect((await get(email, `${concert}/audit/workflows`)).statusCode, email).toBe(403);
    expect((await get('eko@gema.test', `/api/productions/${DEMO.launchId}/audit/workflows`)).statusCode).toBe(
      404,
    );
    const unknown = await get('ayu@gema.test', `${concert}/audit/workflows/contract-approval-nope-v1`);
    expect(unknown.json()).toMatchObject({ statusCode: 404, code: 'WORKFLOW_HISTORY_NOT_FOUND' });
    const notSignedIn = await api.app.inject({ method: 'GET', url: `${concert}/audit/workflows` });
    expect(notSignedIn.statusCode).toBe(401);
  });
});

describe('replaying kept histories', () => {
  let kept: KeptHistory;

  it('replays the kept history against the current workflow code', async () => {
    const histories = await keptHistories(api.app.store.db, DEMO.concertId);
    kept = histories.find((h) => h.workflowId === approvalWorkflowId)!;
    expect(kept).toBeDefined();
    const results = await replayKeptHistories([kept], { workflowBundle: await testWorkflowBundle() });
    expect(results).toEqual([
      {
        workflowId: approvalWorkflowId,
        runId: kept.runId,
        workflowType: 'contractApprovalWorkflow',
        error: undefined,
      },
    ]);
  });

  it('fails the replay of a history whose activity was renamed', async () => {
    const json = JSON.stringify(kept.history);
    expect(json).toContain('"name":"checkContractBudget"');
    const tampered = {
      ...kept,
      history: JSON.parse(json.replaceAll('"name":"checkContractBudget"', '"name":"checkBudgetV2"')),
    };
    const [result] = await replayKeptHistories([tampered], { workflowBundle: await testWorkflowBundle() });
    expect(result?.workflowId).toBe(approvalWorkflowId);
    expect(result?.error?.name).toBe('DeterminismViolationError');
  });

  it('`pnpm audit:replay-workflows` reports each kept workflow and exits 0 when all replay', async () => {
    const stdout = new PassThrough();
    const out: Buffer[] = [];
    stdout.on('data', (chunk: Buffer) => out.push(chunk));
    const io = {
      env: { DATABASE_URL: api.config.databaseUrl },
      cwd: process.cwd(),
      stdout,
      stderr: new PassThrough(),
    };
    expect(await runAuditReplayWorkflows(['--', DEMO.concertId], io)).toBe(EXIT.ok);
    const text = Buffer.concat(out).toString('utf8');
    expect(text).toContain(`OK     ${approvalWorkflowId} (contractApprovalWorkflow, run ${kept.runId})`);
    expect(text).toMatch(/^OK: \d+ workflows? replayed/m);
    expect(await runAuditReplayWorkflows(['--', 'not-a-uuid'], io)).toBe(EXIT.usage);
  });
});
