/**
 * Thousands of live websocket clients in one process, each subscribed to one production, recording when
 * each of the caller's commands reached it. Cheap per message: a message is parsed as JSON only until the
 * client is subscribed; after that the bench's idempotency key is found in the raw bytes
 * (`"idempotencyKey":"<prefix><n>"`) and its arrival stamped with `performance.now()` in a typed array,
 * so the generator itself stays a small part of what is measured.
 */
import WebSocket from 'ws';

const KEY_FIELD = Buffer.from('"idempotencyKey":"');
const QUOTE = 0x22;
const ZERO = 0x30;

/** One client's arrivals: `at[n]` is when command n arrived (NaN: not yet). */
export class CrowdClient {
  readonly at: Float64Array;
  /** The probe only (one client of the crowd): when the server began appending command n (epoch ms). */
  readonly recordedAt: Float64Array | undefined;
  received = 0;
  duplicates = 0;
  closedWith: string | undefined;

  constructor(
    readonly socket: WebSocket,
    readonly who: string,
    commands: number,
    private readonly prefix: Buffer,
    probe: boolean,
  ) {
    this.at = new Float64Array(commands).fill(NaN);
    this.recordedAt = probe ? new Float64Array(commands).fill(NaN) : undefined;
  }

  /** Stamps a live message (already subscribed): only events carrying the bench's key count. */
  take(raw: Buffer, now: number): void {
    let from = 0;
    for (;;) {
      const field = raw.indexOf(KEY_FIELD, from);
      if (field < 0) return;
      const start = field + KEY_FIELD.length;
      from = start;
      if (raw.compare(this.prefix, 0, this.prefix.length, start, start + this.prefix.length) !== 0) continue;
      let n = 0;
      let i = start + this.prefix.length;
      for (; i < raw.length && raw[i] !== QUOTE; i++) n = n * 10 + (raw[i]! - ZERO);
      if (n >= this.at.length) continue;
      if (Number.isNaN(this.at[n]!)) {
        this.at[n] = now;
        this.received++;
        if (this.recordedAt) {
          const message = JSON.parse(raw.toString()) as { event?: { recordedAt?: string } };
          this.recordedAt[n] = Date.parse(message.event?.recordedAt ?? '');
        }
      } else this.duplicates++;
    }
  }
}

export interface CrowdMember {
  readonly token: string;
  /** For the report: `crew (sound)`, `client`. */
  readonly who: string;
}

/**
 * Opens `count` clients (members in turn), `concurrency` connecting at a time, each subscribed live from
 * now to `productionId`; resolves once every one has its `subscribed` answer.
 */
export async function openCrowd(options: {
  readonly baseUrl: string;
  readonly productionId: string;
  readonly members: readonly CrowdMember[];
  readonly count: number;
  readonly concurrency: number;
  /** Idempotency keys of the measured commands: `<prefix><n>`, n from 0 to commands − 1. */
  readonly keyPrefix: string;
  readonly commands: number;
}): Promise<CrowdClient[]> {
  const url = `${options.baseUrl.replace(/^http/, 'ws')}/api/live`;
  const prefix = Buffer.from(options.keyPrefix);
  const clients: CrowdClient[] = [];
  let next = 0;
  const lane = async () => {
    while (next < options.count) {
      const member = options.members[next++ % options.members.length]!;
      const probe = next === 1; // the first client also reads when each event was recorded
      clients.push(await openOne(url, member, options.productionId, options.commands, prefix, probe));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  return clients;
}

async function openOne(
  url: string,
  member: CrowdMember,
  productionId: string,
  commands: number,
  prefix: Buffer,
  probe: boolean,
): Promise<CrowdClient> {
  const socket = new WebSocket(url, {
    headers: { authorization: `Bearer ${member.token}` },
    perMessageDeflate: false,
    skipUTF8Validation: true,
  });
  const client = new CrowdClient(socket, member.who, commands, prefix, probe);
  await new Promise<void>((resolve, reject) => {
    let subscribed = false;
    socket.on('message', (raw: Buffer) => {
      if (subscribed) return client.take(raw, performance.now());
      const message = JSON.parse(raw.toString()) as { type: string; code?: string; message?: string };
      if (message.type === 'subscribed') {
        subscribed = true;
        resolve();
      } else if (message.type === 'error') reject(new Error(`live: ${message.code} ${message.message}`));
    });
    socket.once('open', () =>
      socket.send(JSON.stringify({ type: 'subscribe', productionIds: [productionId] })),
    );
    socket.once('error', reject);
    socket.on('close', (code, reason) => {
      client.closedWith = `${code} ${reason.toString()}`;
      if (!subscribed) reject(new Error(`live socket closed before subscribing: ${client.closedWith}`));
    });
  });
  return client;
}

/** Closes every client and waits until each socket has closed. */
export async function closeCrowd(clients: readonly CrowdClient[]): Promise<void> {
  await Promise.all(
    clients.map(
      (client) =>
        new Promise<void>((resolve) => {
          if (client.socket.readyState === WebSocket.CLOSED) return resolve();
          client.socket.once('close', () => resolve());
          client.socket.close();
        }),
    ),
  );
}
