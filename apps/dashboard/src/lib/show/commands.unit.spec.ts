import type { ShowControlBody } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/client.ts';
import { newCommandKey, refusalOf, sendOnce } from './commands.ts';

const CUE = '6a1f0c2e-0000-4000-8000-00000000a001';
const noWait = () => Promise.resolve();

describe('sendOnce', () => {
  it('resends a press after a network failure or a 5xx with the same key', async () => {
    const sent: ShowControlBody[] = [];
    const failures = [new ApiRequestError(0, 'NETWORK', 'offline'), new ApiRequestError(503, 'X', 'busy')];
    const result = await sendOnce(
      { type: 'go', expectedCueId: CUE },
      async (body) => {
        sent.push(body);
        const failure = failures.shift();
        if (failure) throw failure;
        return 'ok';
      },
      { wait: noWait },
    );
    expect(result).toBe('ok');
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((body) => body.idempotencyKey)).size).toBe(1);
    expect(sent[0]).toMatchObject({ type: 'go', expectedCueId: CUE });
  });

  it('gives each press its own key', async () => {
    const keys: string[] = [];
    const send = async (body: ShowControlBody) => void keys.push(body.idempotencyKey);
    await sendOnce({ type: 'hold', expectedCueId: CUE }, send, { wait: noWait });
    await sendOnce({ type: 'hold', expectedCueId: CUE }, send, { wait: noWait });
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_:.-]{8,100}$/);
  });

  it('does not resend a refusal, and gives up after the last delay', async () => {
    let calls = 0;
    const refused = new ApiRequestError(409, 'SHOW_STALE', 'moved on');
    await expect(
      sendOnce({ type: 'go', expectedCueId: null }, async () => {
        calls += 1;
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(calls).toBe(1);

    calls = 0;
    await expect(
      sendOnce(
        { type: 'go', expectedCueId: null },
        async () => {
          calls += 1;
          throw new ApiRequestError(0, 'NETWORK', 'offline');
        },
        { delays: [1, 1], wait: noWait },
      ),
    ).rejects.toMatchObject({ code: 'NETWORK' });
    expect(calls).toBe(3);
  });
});

describe('refusalOf', () => {
  it('reads where the show now stands from a 409', () => {
    const current = { status: 'running', version: 9, currentCueId: CUE, nextCueId: null, standby: null };
    const error = new ApiRequestError(409, 'SHOW_STALE', 'moved on', 'expectedCueId', { current });
    expect(refusalOf(error)).toEqual({ code: 'SHOW_STALE', current });
    expect(
      refusalOf(new ApiRequestError(409, 'STALE_VERSION', 'x', undefined, { current: { version: 2 } })),
    ).toBeUndefined();
    expect(refusalOf(new ApiRequestError(400, 'X', 'x'))).toBeUndefined();
    expect(refusalOf(new Error('x'))).toBeUndefined();
  });
});

describe('newCommandKey', () => {
  it('is a key the API accepts', () => {
    expect(newCommandKey(() => 'abc-123')).toBe('press-abc-123');
    expect(newCommandKey()).toMatch(/^[A-Za-z0-9_:.-]{8,100}$/);
  });
});
