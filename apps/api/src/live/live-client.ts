import {
  LIVE_CLOSE,
  LiveClientMessage,
  type LiveServerMessage,
  type Notification,
} from '@panggung/contracts';
import { canSeeEvent, departmentsIn, rolesIn } from '@panggung/domain';
import {
  compareCheckpoints,
  formatCheckpoint,
  parseCheckpoint,
  type Checkpoint,
  type StoredEvent,
} from '@panggung/event-store';
import type { Department, Role } from '@panggung/contracts';
import { Compile } from 'typebox/compile';
import type { WebSocket } from 'ws';
import type { SignedIn } from '../auth/viewer.ts';
import { findProduction } from '../productions/queries.ts';
import type { LiveHub, HubListener } from './hub.ts';
import { eventMessage } from './event-message.ts';
import { productionOf } from './live-event.ts';
import type { EventStore } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';

const clientMessage = Compile(LiveClientMessage);
const CATCH_UP_PAGE = 500;

export interface LiveClientOptions {
  readonly heartbeatMs: number;
  /** Bytes queued for this client before it is dropped as too slow. */
  readonly maxBufferedBytes: number;
  /** Events held while catching up before the client is dropped as too slow. */
  readonly maxHeldEvents?: number;
}

/**
 * One websocket client of the live stream. It catches up from the checkpoint it names (reading the
 * store), while the hub holds live events for it; then it flushes what was held and goes live.
 * Everything it sends passes the same visibility rule as HTTP, and nothing is sent twice: an event at
 * or before `#sent` is skipped.
 */
export class LiveClient implements HubListener {
  productionIds: ReadonlySet<string> = new Set();
  #roles = new Map<string, Role[]>();
  /** The viewer's departments per production (from the session: fixed for the socket's life). */
  #departments = new Map<string, Department[]>();
  #state: 'idle' | 'catching-up' | 'live' = 'idle';
  #held: Array<[StoredEvent, string]> = [];
  #sent: Checkpoint = { transactionId: 0n, position: 0n };
  #heartbeat: NodeJS.Timeout;
  #closed = false;
  #generation = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly viewer: SignedIn,
    private readonly hub: LiveHub,
    private readonly store: EventStore<Database>,
    private readonly options: LiveClientOptions,
    /** Messages that arrived while the connection was being authenticated. */
    early: ReadonlyArray<{ readonly text: string; readonly isBinary: boolean }> = [],
  ) {
    this.#heartbeat = setInterval(() => this.#sendHeartbeat(), options.heartbeatMs);
    for (const message of early) void this.#receive(message.text, message.isBinary);
    socket.on('message', (raw, isBinary) => void this.#receive(raw.toString(), isBinary));
    socket.on('close', () => this.dispose());
    socket.on('error', () => this.dispose());
  }

  onEvent(event: StoredEvent, productionId: string): void {
    if (this.#state === 'catching-up') {
      this.#held.push([event, productionId]);
      if (this.#held.length > (this.options.maxHeldEvents ?? 10_000))
        this.#close(LIVE_CLOSE.tooSlow, 'too slow: catching up took too long');
    } else if (this.#state === 'live') this.#deliver(event, productionId);
  }

  /** A notification for this socket's signed-in person (the notification hub files clients by person). */
  notify(notification: Notification): void {
    this.#send({ type: 'notification', notification });
  }
  dispose(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    this.hub.remove(this);
  }

  async #receive(text: string, isBinary: boolean): Promise<void> {
    let message: LiveClientMessage;
    try {
      if (isBinary || text.length > 16_384) throw new Error('messages are JSON text of at most 16 KB');
      const parsed: unknown = JSON.parse(text);
      if (!clientMessage.Check(parsed)) {
        const first = [...clientMessage.Errors(parsed)][0];
        throw new Error(`${first?.instancePath || 'message'} ${first?.message ?? 'is invalid'}`);
      }
      message = parsed;
    } catch (error) {
      this.#send({ type: 'error', code: 'BAD_MESSAGE', message: (error as Error).message });
      this.#close(LIVE_CLOSE.badMessage, 'bad message');
      return;
    }
    if (message.type === 'ping') {
      this.#send({
        type: 'pong',
        ...(message.id ? { id: message.id } : {}),
        serverTime: new Date().toISOString(),
      });
      return;
    }
    await this.#subscribe(message.productionIds, message.after).catch((error: unknown) => {
      this.#send({
        type: 'error',
        code: 'UNAVAILABLE',
        message: 'The live stream could not read the history; reconnect.',
      });
      this.#close(1011, 'internal error');
      throw error;
    });
  }

  async #subscribe(productionIds: string[], after: string | undefined): Promise<void> {
    const generation = ++this.#generation;
    const roles = new Map<string, Role[]>();
    for (const id of productionIds) {
      const production = await findProduction(this.store.db, id);
      const held = production ? rolesIn(this.viewer, { id, organisationId: production.organisation_id }) : [];
      if (held.length === 0) {
        // Same answer whether it does not exist or is not theirs: nobody learns what they may not see.
        this.#send({ type: 'error', code: 'FORBIDDEN', message: `You may not follow production ${id}` });
        this.#close(LIVE_CLOSE.forbidden, 'forbidden production');
        return;
      }
      roles.set(id, held);
    }
    this.#roles = roles;
    this.productionIds = new Set(productionIds);
    this.#held = [];
    this.hub.add(this);

    if (after === undefined) {
      this.#sent = this.hub.checkpoint;
    } else {
      this.#state = 'catching-up';
      this.#sent = parseCheckpoint(after);
      let cursor = this.#sent;
      for (;;) {
        const page = await this.store.readAll(cursor, CATCH_UP_PAGE);
        if (this.#closed || generation !== this.#generation) return;
        for (const event of page.events) {
          const productionId = productionOf(event);
          if (productionId && this.productionIds.has(productionId)) this.#deliver(event, productionId);
        }
        cursor = page.checkpoint;
        if (page.events.length < CATCH_UP_PAGE) break;
      }
      if (compareCheckpoints(cursor, this.#sent) > 0) this.#sent = cursor;
      for (const [event, productionId] of this.#held) this.#deliver(event, productionId);
      this.#held = [];
    }
    this.#state = 'live';
    this.#send({ type: 'subscribed', productionIds, checkpoint: formatCheckpoint(this.#position()) });
  }

  #deliver(event: StoredEvent, productionId: string): void {
    if (compareCheckpoints(event.checkpoint, this.#sent) <= 0) return;
    this.#sent = event.checkpoint;
    const before = this.#roles.get(productionId) ?? [];
    const roles = this.#rolesAfter(event, before);
    if (roles !== before) this.#roles.set(productionId, roles);
    // Visible by the roles held when it happened: a person sees their own removal, then nothing more.
    const visibleBy = before.length > roles.length ? before : roles;
    if (canSeeEvent(event, this.viewer, visibleBy)) {
      let departments = this.#departments.get(productionId);
      if (!departments)
        this.#departments.set(productionId, (departments = departmentsIn(this.viewer, productionId)));
      // Serialised once per audience and shared by every socket with the same roles and departments.
      this.#sendEncoded(eventMessage(event, productionId, visibleBy, departments));
    }
    if (roles.length === 0) this.#close(LIVE_CLOSE.forbidden, 'you are no longer in this production');
  }

  /** The viewer's roles in a production after an event that may change them. */
  #rolesAfter(event: StoredEvent, roles: Role[]): Role[] {
    const data = event.data as { personId?: unknown; role?: Role };
    if (data.personId !== this.viewer.personId || !data.role) return roles;
    if (event.type === 'MemberAdded' && !roles.includes(data.role)) return [...roles, data.role];
    if (event.type === 'MemberRemoved') return roles.filter((role) => role !== data.role);
    return roles;
  }

  /** Where this client stands: everything up to here that it may see has been sent. */
  #position(): Checkpoint {
    const hub = this.hub.checkpoint;
    return this.#state === 'live' && compareCheckpoints(hub, this.#sent) > 0 ? hub : this.#sent;
  }

  #sendHeartbeat(): void {
    if (this.#state === 'catching-up') return;
    this.#send({
      type: 'heartbeat',
      serverTime: new Date().toISOString(),
      checkpoint: formatCheckpoint(this.#position()),
    });
    this.socket.ping();
  }

  #send(message: LiveServerMessage): void {
    if (this.#mayQueue()) this.socket.send(JSON.stringify(message));
  }

  /** A message already serialised (UTF-8 JSON), sent as a text frame. */
  #sendEncoded(message: Buffer): void {
    if (this.#mayQueue()) this.socket.send(message, { binary: false });
  }

  /** Back-pressure: a client that does not read is dropped with a reason, never buffered without bound. */
  #mayQueue(): boolean {
    if (this.#closed) return false;
    if (this.socket.bufferedAmount <= this.options.maxBufferedBytes) return true;
    this.#close(
      LIVE_CLOSE.tooSlow,
      'too slow: the client is not reading; reconnect from your last checkpoint',
    );
    return false;
  }

  #close(code: number, reason: string): void {
    this.dispose();
    this.socket.close(code, reason);
  }
}
