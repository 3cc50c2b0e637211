import type { LiveServerMessage } from '@panggung/contracts';
import { contractStream } from '@panggung/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveSocket } from '../testing/live-socket.ts';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

/** Comment threads, mentions and notifications, and who sees them, over HTTP and the live stream. */
let api: TestApi;
let base: string;
const sockets: LiveSocket[] = [];
beforeAll(async () => {
  api = await startTestApi('communication');
  base = await api.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await api.app.close();
});

const p = DEMO.people;
const concert = `/api/productions/${DEMO.concertId}`;
const soundThread = `${concert}/comments/contract/${DEMO.soundContractId}`;
const productionThread = `${concert}/comments/production/${DEMO.concertId}`;
const taskId = '7a5c0000-0000-4000-8000-00000000ta51'.replace('ta51', '7a51');
const taskThread = `${concert}/comments/task/${taskId}`;
const mention = (name: string, id: string) => `@[${name}](${id})`;

const call = async (
  email: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) =>
  api.app.inject({ method, url, headers: bearer(await api.signIn(email)), ...(payload ? { payload } : {}) });

async function connect(email: string): Promise<LiveSocket> {
  const socket = LiveSocket.connect(base, await api.signIn(email));
  sockets.push(socket);
  await socket.opened;
  socket.send({ type: 'subscribe', productionIds: [DEMO.concertId] });
  await socket.waitFor((m) => m.type === 'subscribed');
  return socket;
}

type NotificationMessage = Extract<LiveServerMessage, { type: 'notification' }>;
const notifications = (socket: LiveSocket) =>
  socket.messages
    .filter((m): m is NotificationMessage => m.type === 'notification')
    .map((m) => m.notification);

describe('comment threads', () => {
  it('lets a manager mention the contract’s vendor, who is notified and may reply; the manager is notified of the reply', async () => {
    const posted = await call('ayu@gema.test', 'POST', soundThread, {
      text: `Pak ${mention('Hendra Gunawan', p.soundVendor)}, mohon kirim rider terbaru.`,
    });
    expect(posted.statusCode).toBe(201);
    const comment = posted.json();
    expect(comment).toMatchObject({
      author: { id: p.manager, name: 'Ayu Lestari' },
      mentions: [{ id: p.soundVendor, name: 'Hendra Gunawan' }],
      deleted: false,
    });
    const hendra = (await call('hendra@suaraprima.test', 'GET', '/api/me/notifications')).json();
    expect(hendra.unread).toBe(1);
    expect(hendra.items[0]).toMatchObject({
      kind: 'comment.mention',
      productionId: DEMO.concertId,
      payload: {
        commentId: comment.id,
        actorName: 'Ayu Lestari',
        item: { kind: 'contract', id: DEMO.soundContractId },
      },
    });
    expect(hendra.items[0].payload.excerpt).toContain('@Hendra Gunawan');
    const thread = (await call('hendra@suaraprima.test', 'GET', soundThread)).json();
    expect(thread.comments.map((c: { id: string }) => c.id)).toEqual([comment.id]);
    // Mentionable here: internal people and this vendor, never the client or another vendor.
    const mentionable = thread.members.map((m: { id: string }) => m.id);
    expect(mentionable).toContain(p.soundVendor);
    expect(mentionable).toContain(p.sound);
    expect(mentionable).not.toContain(p.client);
    expect(mentionable).not.toContain(p.secondSoundVendor);
    const reply = await call('hendra@suaraprima.test', 'POST', soundThread, {
      text: 'Siap, sore ini.',
      parentId: comment.id,
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ parentId: comment.id, author: { id: p.soundVendor } });
    const ayu = (await call('ayu@gema.test', 'GET', '/api/me/notifications')).json();
    expect(ayu.items[0]).toMatchObject({ kind: 'comment.reply', payload: { actorId: p.soundVendor } });
  });

  it('shows a vendor only its own contracts’ threads and a client only the production thread (404/403 otherwise)', async () => {
    expect((await call('rudi@gelombangsuara.test', 'GET', soundThread)).statusCode).toBe(404);
    expect((await call('lina@cahayapanggung.test', 'GET', soundThread)).statusCode).toBe(404);
    // The sound contract has not reached the client's step.
    expect((await call('maya@sinarcahaya.test', 'GET', soundThread)).statusCode).toBe(404);
    expect((await call('rudi@gelombangsuara.test', 'POST', soundThread, { text: 'halo' })).statusCode).toBe(
      404,
    );
    expect((await call('hendra@suaraprima.test', 'GET', productionThread)).statusCode).toBe(403);
    expect((await call('hendra@suaraprima.test', 'POST', productionThread, { text: 'x' })).statusCode).toBe(
      403,
    );
    expect((await call('maya@sinarcahaya.test', 'GET', taskThread)).statusCode).toBe(403);
    expect((await call('maya@sinarcahaya.test', 'POST', taskThread, { text: 'x' })).statusCode).toBe(403);
    const client = await call('maya@sinarcahaya.test', 'POST', productionThread, {
      text: 'Jadwal soundcheck kapan?',
    });
    expect(client.statusCode).toBe(201);
    expect((await call('eko@gema.test', 'GET', productionThread)).json().comments).toHaveLength(1);
    // A production the person is not in: 404; a thread whose id is not the production's: 404.
    expect(
      (
        await call(
          'maya@sinarcahaya.test',
          'GET',
          `/api/productions/${DEMO.launchId}/comments/production/${DEMO.launchId}`,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await call('ayu@gema.test', 'GET', `${concert}/comments/production/${DEMO.launchId}`)).statusCode,
    ).toBe(404);
  });

  it('refuses bad text and mentions with 400 naming the problem, and writes nothing', async () => {
    const before = await api.eventCount();
    const stranger = '0b0b0b0b-0000-4000-8000-000000000000';
    const unknown = await call('ayu@gema.test', 'POST', taskThread, { text: 'cek', mentions: [stranger] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: 'mentions', message: expect.stringContaining(stranger) });
    const hidden = await call('ayu@gema.test', 'POST', taskThread, {
      text: `cek ${mention('Maya', p.client)}`,
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().message).toMatch(/Maya Kusuma .*cannot see this thread/);
    expect((await call('ayu@gema.test', 'POST', taskThread, { text: '   ' })).json()).toMatchObject({
      statusCode: 400,
      field: 'text',
    });
    expect((await call('ayu@gema.test', 'POST', taskThread, { text: 'x'.repeat(4001) })).statusCode).toBe(
      400,
    );
    expect((await call('ayu@gema.test', 'POST', taskThread, { text: 'x', extra: 1 })).statusCode).toBe(400);
    expect(
      (await call('ayu@gema.test', 'POST', `${concert}/comments/rider/${taskId}`, { text: 'x' })).statusCode,
    ).toBe(400);
    expect(await api.eventCount()).toBe(before);
  });

  it('edits and deletes one’s own comment only; a deleted comment keeps its place without its text', async () => {
    const comment = (await call('eko@gema.test', 'POST', taskThread, { text: 'Kabel XLR kurang 10' })).json();
    const url = `${concert}/comments/${comment.id}`;
    expect((await call('sari@gema.test', 'PATCH', url, { text: 'bukan punyamu' })).statusCode).toBe(403);
    expect((await call('sari@gema.test', 'DELETE', url)).statusCode).toBe(403);
    const edited = await call('eko@gema.test', 'PATCH', url, {
      text: `Kabel XLR kurang 12 ${mention('Sari', p.video)}`,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      text: expect.stringContaining('12'),
      editedAt: expect.any(String),
    });
    const sari = (await call('sari@gema.test', 'GET', '/api/me/notifications')).json();
    expect(sari.items[0]).toMatchObject({ kind: 'comment.mention', payload: { commentId: comment.id } });
    const deleted = await call('eko@gema.test', 'DELETE', url);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toMatchObject({ deleted: true, mentions: [] });
    expect(deleted.json().text).toBeUndefined();
    expect((await call('eko@gema.test', 'DELETE', url)).statusCode).toBe(409);
    expect((await call('eko@gema.test', 'PATCH', url, { text: 'lagi' })).statusCode).toBe(409);
    const thread = (await call('ayu@gema.test', 'GET', taskThread)).json();
    expect(thread.comments.find((c: { id: string }) => c.id === comment.id)).toMatchObject({ deleted: true });
    expect(JSON.stringify(thread)).not.toContain('XLR');
    // The client cannot reach an internal comment through another production's path either.
    expect(
      (await call('ayu@gema.test', 'DELETE', `/api/productions/${DEMO.launchId}/comments/${comment.id}`))
        .statusCode,
    ).toBe(404);
  });
});

describe('notifications', () => {
  it('tells the approver a contract waits on them, and the managers that it was signed', async () => {
    // What the approval workflow's activities append (no worker runs in the API's tests).
    const contractId = 'c0c0c0c0-0000-4000-8000-0000000000f1';
    const ref = { productionId: DEMO.concertId, contractId, vendorId: DEMO.lightingVendorId, version: 1 };
    const appended = await api.app.store.append(
      contractStream(contractId),
      'any',
      [
        {
          type: 'ApprovalStepOpened',
          data: {
            ...ref,
            round: 1,
            step: 'finance_overrun',
            assigneeId: p.finance,
            role: 'finance_approver',
          },
        },
        {
          type: 'ContractSigned',
          data: {
            ...ref,
            round: 1,
            category: 'lighting',
            currency: 'IDR',
            total: 1_000_000,
            approvedSteps: ['manager_review'],
          },
        },
      ],
      { metadata: { actor: 'workflow:test', productionId: DEMO.concertId } },
    );
    await api.app.projections.waitFor({
      transactionId: appended.transactionId,
      position: appended.lastPosition,
    });
    const budi = (await call('budi@gema.test', 'GET', '/api/me/notifications')).json();
    expect(budi.items[0]).toMatchObject({
      kind: 'contract.approval_requested',
      payload: { contractId, step: 'finance_overrun' },
    });
    const ayu = (await call('ayu@gema.test', 'GET', '/api/me/notifications')).json();
    expect(ayu.items[0]).toMatchObject({ kind: 'contract.signed', payload: { contractId } });
    const eko = (await call('eko@gema.test', 'GET', '/api/me/notifications?limit=100')).json();
    expect(eko.items.some((n: { kind: string }) => n.kind.startsWith('contract.'))).toBe(false);
  });

  it('pages newest first, and marks read by id or all; nobody marks another person’s', async () => {
    for (const text of ['satu', 'dua', 'tiga'])
      expect(
        (await call('ayu@gema.test', 'POST', taskThread, { text: `${text} ${mention('Joko', p.stage)}` }))
          .statusCode,
      ).toBe(201);
    const first = (await call('joko@gema.test', 'GET', '/api/me/notifications?limit=2')).json();
    expect(first.items.map((n: { payload: { excerpt: string } }) => n.payload.excerpt.split(' ')[0])).toEqual(
      ['tiga', 'dua'],
    );
    expect(first.unread).toBe(3);
    const second = (
      await call('joko@gema.test', 'GET', `/api/me/notifications?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(
      second.items.map((n: { payload: { excerpt: string } }) => n.payload.excerpt.split(' ')[0]),
    ).toEqual(['satu']);
    expect(second.nextCursor).toBeUndefined();
    // Somebody else naming Joko's notification changes nothing of Joko's.
    expect(
      (await call('eko@gema.test', 'POST', '/api/me/notifications/read', { ids: [first.items[0].id] }))
        .statusCode,
    ).toBe(200);
    expect((await call('joko@gema.test', 'GET', '/api/me/notifications')).json().unread).toBe(3);
    const one = await call('joko@gema.test', 'POST', '/api/me/notifications/read', {
      ids: [first.items[0].id],
    });
    expect(one.json()).toEqual({ unread: 2 });
    const all = await call('joko@gema.test', 'POST', '/api/me/notifications/read', { all: true });
    expect(all.json()).toEqual({ unread: 0 });
    const after = (await call('joko@gema.test', 'GET', '/api/me/notifications')).json();
    expect(after.items.every((n: { readAt?: string }) => n.readAt)).toBe(true);
    expect((await call('joko@gema.test', 'POST', '/api/me/notifications/read', { ids: [] })).statusCode).toBe(
      400,
    );
    expect((await call('joko@gema.test', 'GET', '/api/me/notifications?cursor=abc')).statusCode).toBe(400);
  });
});

describe('the API description', () => {
  it('documents the comment and notification routes', async () => {
    const document = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/productions/{id}/comments/{kind}/{itemId}',
        '/api/productions/{id}/comments/{commentId}',
        '/api/me/notifications',
        '/api/me/notifications/read',
      ]),
    );
  });
});

describe('live', () => {
  it('sends a notification to its person only, and never a comment to a vendor or client it is not for', async () => {
    const eko = await connect('eko@gema.test');
    const sari = await connect('sari@gema.test');
    const hendra = await connect('hendra@suaraprima.test');
    const maya = await connect('maya@sinarcahaya.test');

    const internal = await call('ayu@gema.test', 'POST', taskThread, {
      text: `Live ${mention('Eko', p.sound)}`,
    });
    expect(internal.statusCode).toBe(201);
    const forEko = await eko.waitFor((m) => m.type === 'notification');
    expect(forEko).toMatchObject({
      notification: { kind: 'comment.mention', payload: { commentId: internal.json().id } },
    });
    // Sari (crew) sees the comment itself, not Eko's notification.
    await sari.waitFor(
      (m) =>
        m.type === 'event' &&
        m.event.type === 'CommentPosted' &&
        (m.event.data as { commentId: string }).commentId === internal.json().id,
    );

    const vendorComment = await call('ayu@gema.test', 'POST', soundThread, {
      text: `Live ${mention('Hendra', p.soundVendor)}`,
    });
    const forHendra = await hendra.waitFor((m) => m.type === 'notification');
    expect(forHendra).toMatchObject({ notification: { payload: { commentId: vendorComment.json().id } } });
    await hendra.waitFor((m) => m.type === 'event' && m.event.type === 'CommentPosted');

    const clientComment = await call('ayu@gema.test', 'POST', productionThread, {
      text: `Live ${mention('Sari', p.video)} ${mention('Maya', p.client)}`,
    });
    await maya.waitFor((m) => m.type === 'notification');
    await sari.waitFor((m) => m.type === 'notification');

    // Everything each socket got is now in (the hub sends in event order): nothing of anybody else's.
    expect(notifications(eko).map((n) => n.payload.commentId)).toEqual([internal.json().id]);
    expect(notifications(sari).map((n) => n.payload.commentId)).toEqual([clientComment.json().id]);
    expect(notifications(hendra).map((n) => n.payload.commentId)).toEqual([vendorComment.json().id]);
    expect(notifications(maya).map((n) => n.payload.commentId)).toEqual([clientComment.json().id]);
    const commentIds = (socket: LiveSocket) =>
      socket
        .events()
        .filter((e) => e.type.startsWith('Comment'))
        .map((e) => (e.data as { commentId: string }).commentId);
    await maya.waitFor((m) => m.type === 'event' && m.event.type === 'CommentPosted');
    expect(commentIds(hendra)).toEqual([vendorComment.json().id]);
    expect(commentIds(maya)).toEqual([clientComment.json().id]);
  });

  it('catches a client up from the start with only the production thread’s comments', async () => {
    const socket = LiveSocket.connect(base, await api.signIn('maya@sinarcahaya.test'));
    sockets.push(socket);
    await socket.opened;
    socket.send({ type: 'subscribe', productionIds: [DEMO.concertId], after: '0:0' });
    await socket.waitFor((m) => m.type === 'subscribed');
    const comments = socket.events().filter((e) => e.type.startsWith('Comment'));
    expect(comments.length).toBeGreaterThanOrEqual(2);
    expect(comments.every((e) => (e.data as { item: { kind: string } }).item.kind === 'production')).toBe(
      true,
    );
  });
});
