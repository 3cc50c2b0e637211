import type { LiveEvent, LiveServerMessage } from '@panggung/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { LiveConnection, type LiveStatus, type SocketHandlers, type Timers } from './live-connection.ts';

const PRODUCTION = '6a1f0c2e-0000-4000-8000-0000000000c1';

/** Time that moves only when the test says so. */
class FakeTimers implements Timers {
  now = 0;
  #next = 1;
  #pending = new Map<number, { at: number; callback: () => void }>();
  setTimeout(callback: () => void, ms: number): number {
    const handle = this.#next++;
    this.#pending.set(handle, { at: this.now + ms, callback });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.#pending.delete(handle as number);
  }
  /** Moves the clock forward, firing what falls due in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.#pending.entries()]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#pending.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = until;
  }
  get pending(): number {
    return this.#pending.size;
  }
}

/** A socket the test drives from the server's side. */
class FakeSocket {
  sent: unknown[] = [];
  closedWith: number | undefined;
  constructor(
    readonly url: string,
    readonly handlers: SocketHandlers,
  ) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code?: number) {
    this.closedWith = code ?? 1000;
  }
  // the server's side
  open() {
    this.handlers.open();
  }
  receive(message: LiveServerMessage) {
    this.handlers.message(JSON.stringify(message));
  }
  drop(code = 1006) {
    this.handlers.close(code, '');
  }
}

const event = (checkpoint: string, type = 'ProductionDetailsUpdated'): LiveEvent => ({
  id: `00000000-0000-4000-8000-${checkpoint.replace(':', '').padStart(12, '0')}`,
  type,
  streamId: `production-${PRODUCTION}`,
  streamVersion: 2,
  productionId: PRODUCTION,
  data: { productionId: PRODUCTION, changes: { name: `at ${checkpoint}` } },
  actor: 'person:x',
  recordedAt: '2027-03-14T09:00:00.000Z',
  checkpoint,
});

describe('LiveConnection', () => {
  let timers: FakeTimers;
  let sockets: FakeSocket[];
  let received: LiveEvent[];
  let statuses: LiveStatus[];
  let connection: LiveConnection;
  const last = () => sockets[sockets.length - 1]!;

  const create = (options: { online?: boolean } = {}) => {
    connection = new LiveConnection({
      url: 'ws://test/api/live',
      productionIds: [PRODUCTION],
      openSocket: (url, handlers) => {
        const socket = new FakeSocket(url, handlers);
        sockets.push(socket);
        return socket;
      },
      onEvent: (e) => received.push(e),
      onStatus: (s) => statuses.push(s),
      timers,
      random: () => 0, // the shortest jitter: waits are exactly half a step
      idleMs: 20_000,
      pingTimeoutMs: 5_000,
      ...options,
    });
    return connection;
  };

  /** Opens the newest socket and lets the server confirm the subscription. */
  const goLive = (checkpoint = '100:1') => {
    last().open();
    last().receive({ type: 'subscribed', productionIds: [PRODUCTION], checkpoint });
  };

  beforeEach(() => {
    timers = new FakeTimers();
    sockets = [];
    received = [];
    statuses = [];
  });

  it('subscribes live-only on first open, and is live once the server confirms', () => {
    create().start();
    expect(connection.status).toBe('connecting');
    last().open();
    expect(last().sent).toEqual([{ type: 'subscribe', productionIds: [PRODUCTION] }]);
    expect(connection.status).toBe('connecting');
    last().receive({ type: 'subscribed', productionIds: [PRODUCTION], checkpoint: '100:1' });
    expect(connection.status).toBe('live');
    expect(statuses).toEqual(['connecting', 'live']);
  });

  it('delivers events in order and drops any that is not after the last checkpoint', () => {
    create().start();
    goLive('100:1');
    last().receive({ type: 'event', event: event('100:2') });
    last().receive({ type: 'event', event: event('100:2') }); // the same again
    last().receive({ type: 'event', event: event('100:1') }); // older than what we have
    last().receive({ type: 'event', event: event('101:1') });
    expect(received.map((e) => e.checkpoint)).toEqual(['100:2', '101:1']);
    expect(connection.checkpoint).toBe('101:1');
  });

  it('reconnects after a drop with back-off and resumes after the last checkpoint, heartbeat included', () => {
    create().start();
    goLive('100:1');
    last().receive({ type: 'event', event: event('100:5') });
    last().receive({ type: 'heartbeat', serverTime: '2027-03-14T09:00:00Z', checkpoint: '120:1' });
    last().drop(1006);
    expect(connection.status).toBe('reconnecting');
    expect(sockets).toHaveLength(1);
    timers.advance(249);
    expect(sockets).toHaveLength(1);
    timers.advance(1); // 500 ms step, jitter 0 → 250 ms
    expect(sockets).toHaveLength(2);
    last().open();
    expect(last().sent).toEqual([{ type: 'subscribe', productionIds: [PRODUCTION], after: '120:1' }]);
    // What the server resends from before the checkpoint is not delivered twice.
    last().receive({ type: 'event', event: event('100:5') });
    last().receive({ type: 'event', event: event('121:1') });
    last().receive({ type: 'subscribed', productionIds: [PRODUCTION], checkpoint: '121:1' });
    expect(received.map((e) => e.checkpoint)).toEqual(['100:5', '121:1']);
    expect(statuses).toEqual(['connecting', 'live', 'reconnecting', 'live']);
  });

  it('waits longer after each failed attempt, up to the cap, and starts over once live', () => {
    create().start();
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      last().drop(1006);
      const before = timers.now;
      const count = sockets.length;
      while (sockets.length === count) timers.advance(50);
      waits.push(timers.now - before);
    }
    expect(waits).toEqual([250, 500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    goLive();
    last().drop(1006);
    timers.advance(250);
    expect(sockets).toHaveLength(11);
  });

  it('goes to sign-in on 4401 and stays there', () => {
    create().start();
    goLive();
    last().drop(4401);
    expect(connection.status).toBe('unauthenticated');
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('shows forbidden on 4403 and does not retry', () => {
    create().start();
    last().open();
    last().receive({ type: 'error', code: 'FORBIDDEN', message: 'You may not follow production' });
    last().drop(4403);
    expect(connection.status).toBe('forbidden');
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('comes back quickly after 4408 (too slow), from the checkpoint', () => {
    create().start();
    goLive('100:1');
    for (let i = 0; i < 3; i++) {
      last().drop(1011);
      timers.advance(30_000);
    }
    goLive('100:1');
    last().receive({ type: 'event', event: event('100:9') });
    last().drop(4408);
    const count = sockets.length;
    timers.advance(250);
    expect(sockets).toHaveLength(count + 1);
    last().open();
    expect(last().sent[0]).toMatchObject({ after: '100:9' });
  });

  it('waits while offline and reconnects at once when the network returns', () => {
    create().start();
    goLive('100:1');
    connection.networkChanged(false);
    expect(connection.status).toBe('offline');
    expect(sockets[0]!.closedWith).toBe(1000);
    sockets[0]!.drop(1006); // the late close of the abandoned socket changes nothing
    timers.advance(120_000);
    expect(sockets).toHaveLength(1);
    expect(connection.status).toBe('offline');
    connection.networkChanged(true);
    expect(sockets).toHaveLength(2);
    expect(connection.status).toBe('reconnecting');
    last().open();
    expect(last().sent[0]).toMatchObject({ after: '100:1' });
  });

  it('starts offline when the browser has no network', () => {
    create({ online: false }).start();
    expect(connection.status).toBe('offline');
    expect(sockets).toHaveLength(0);
    connection.networkChanged(true);
    expect(sockets).toHaveLength(1);
  });

  it('skips the back-off when the page becomes visible again', () => {
    create().start();
    goLive();
    for (let i = 0; i < 6; i++) {
      last().drop(1006);
      timers.advance(30_000);
    }
    last().drop(1006); // now waiting 15 s
    const count = sockets.length;
    connection.visibilityChanged(false);
    expect(sockets).toHaveLength(count);
    connection.visibilityChanged(true);
    expect(sockets).toHaveLength(count + 1);
  });

  it('pings a quiet line, and reconnects when the ping goes unanswered', () => {
    create().start();
    goLive('100:1');
    timers.advance(20_000);
    expect(last().sent.at(-1)).toMatchObject({ type: 'ping' });
    last().receive({ type: 'pong', serverTime: '2027-03-14T09:00:00Z' });
    timers.advance(5_000);
    expect(sockets).toHaveLength(1); // it answered
    timers.advance(20_000);
    expect(last().sent.at(-1)).toMatchObject({ type: 'ping' });
    timers.advance(5_000); // no answer this time
    expect(sockets[0]!.closedWith).toBe(4000);
    expect(connection.status).toBe('reconnecting');
    timers.advance(250);
    expect(sockets).toHaveLength(2);
  });

  it('checks the line when the page becomes visible while live', () => {
    create().start();
    goLive();
    connection.visibilityChanged(true);
    expect(last().sent.at(-1)).toMatchObject({ type: 'ping' });
  });

  it('stops for good: closes, no retries, late messages ignored', () => {
    create().start();
    goLive('100:1');
    connection.stop();
    expect(connection.status).toBe('stopped');
    expect(sockets[0]!.closedWith).toBe(1000);
    sockets[0]!.receive({ type: 'event', event: event('200:1') });
    sockets[0]!.drop(1006);
    timers.advance(120_000);
    expect(sockets).toHaveLength(1);
    expect(received).toHaveLength(0);
    expect(timers.pending).toBe(0);
  });

  it('treats a socket that cannot even be created as a drop', () => {
    let fail = true;
    connection = new LiveConnection({
      url: 'ws://test/api/live',
      productionIds: [PRODUCTION],
      openSocket: (url, handlers) => {
        if (fail) throw new Error('SyntaxError');
        const socket = new FakeSocket(url, handlers);
        sockets.push(socket);
        return socket;
      },
      onEvent: () => {},
      timers,
      random: () => 0,
    });
    connection.start();
    expect(connection.status).toBe('reconnecting');
    fail = false;
    timers.advance(250);
    expect(sockets).toHaveLength(1);
  });
});
