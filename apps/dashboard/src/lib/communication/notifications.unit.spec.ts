import type { LiveEvent, Notification } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { NotificationStream } from './notification-stream.ts';
import { formatRupiah } from '../format/money.ts';
import { translator } from '../i18n/translate.ts';
import {
  markedRead,
  mergeNotifications,
  notificationHref,
  notificationKey,
  notificationParams,
} from './notifications.ts';
import { isThreadEvent } from './thread-events.ts';
import type { SocketHandlers } from '../live/live-connection.ts';

const productionId = '6a1f0c2e-0000-4000-8000-0000000000c1';
const contractId = '6a1f0c2e-0000-4000-8000-00000000c0a1';
const note = (id: string, createdAt: string, over: Partial<Notification> = {}): Notification => ({
  id,
  productionId,
  kind: 'comment.mention',
  payload: { item: { kind: 'production', id: productionId } },
  createdAt,
  ...over,
});

describe('the notification feed', () => {
  it('merges pages and live ones newest first, each once', () => {
    const a = note('a', '2027-01-01T10:00:00Z');
    const b = note('b', '2027-01-01T11:00:00Z');
    expect(mergeNotifications([a], [b, a]).map((n) => n.id)).toEqual(['b', 'a']);
  });
  it('says what happened and leads to the item', () => {
    expect(notificationKey(note('a', 'x', { kind: 'contract.signed' }))).toBe('notifications.contractSigned');
    expect(notificationHref(note('a', 'x'))).toBe(`/productions/${productionId}`);
    expect(
      notificationHref(note('a', 'x', { payload: { item: { kind: 'contract', id: contractId } } })),
    ).toContain(contractId);
  });
  it('names and links timeline and transport news to their pages', () => {
    const task = { item: { kind: 'task' as const, id: contractId }, excerpt: 'Fokus lampu' };
    expect(notificationKey(note('a', 'x', { kind: 'task.assigned', payload: task }))).toBe(
      'notifications.taskAssigned',
    );
    expect(notificationKey(note('a', 'x', { kind: 'task.predecessor_done', payload: task }))).toBe(
      'notifications.taskPredecessorDone',
    );
    expect(notificationHref(note('a', 'x', { kind: 'task.assigned', payload: task }))).toBe(
      `/productions/${productionId}/timeline`,
    );
    // A mention in a task's thread leads to its discussion, not the timeline.
    expect(notificationHref(note('a', 'x', { payload: task }))).toBe(`/productions/${productionId}`);
    const run = { runId: contractId, excerpt: 'Gudang → GBK (Truk)' };
    expect(notificationKey(note('a', 'x', { kind: 'transport.cancelled', payload: run }))).toBe(
      'notifications.transportCancelled',
    );
    expect(notificationHref(note('a', 'x', { kind: 'transport.assigned', payload: run }))).toBe(
      `/productions/${productionId}/logistics`,
    );
  });
  it('names and links planning news to its capability’s page', () => {
    const cases: Array<[Notification['kind'], string, string]> = [
      ['call.published', 'notifications.callPublished', 'crew'],
      ['call.reacknowledge', 'notifications.callReacknowledge', 'crew'],
      ['call.removed', 'notifications.callRemoved', 'crew'],
      ['call.reminder', 'notifications.callReminder', 'crew'],
      ['call.escalated', 'notifications.callEscalated', 'crew'],
      ['milestone.reminder', 'notifications.milestoneReminder', 'timeline'],
      ['settlement.opened', 'notifications.settlementOpened', 'budget'],
      ['budget.committed_over_estimate', 'notifications.budgetCommittedOver', 'budget'],
      ['budget.actual_over_estimate', 'notifications.budgetActualOver', 'budget'],
      ['budget.overrun_approved', 'notifications.budgetOverrunApproved', 'budget'],
      ['checklist.reopened', 'notifications.checklistReopened', 'technical'],
      ['rehearsal.issue_recorded', 'notifications.rehearsalIssue', 'technical'],
    ];
    for (const [kind, key, section] of cases) {
      const n = note('a', 'x', { kind, payload: {} });
      expect(notificationKey(n)).toBe(key);
      expect(notificationHref(n)).toBe(`/productions/${productionId}/${section}`);
    }
    const forced = note('a', 'x', { kind: 'phase.forced', payload: { phase: 'show_day' } });
    expect(notificationKey(forced)).toBe('notifications.phaseForced');
    expect(notificationHref(forced)).toBe(`/productions/${productionId}`);
  });
  it('fills in labels, the day and Rupiah in the reader’s language', () => {
    const t = translator('id');
    const alert = note('a', 'x', {
      kind: 'budget.committed_over_estimate',
      payload: { category: 'sound', amount: 150_000_000, estimate: 120_000_000 },
    });
    expect(t(notificationKey(alert), notificationParams(alert, t, 'id'))).toBe(
      `Tata suara: terkomitmen ${formatRupiah(150_000_000)} melebihi estimasi ${formatRupiah(120_000_000)}`,
    );
    const call = note('a', 'x', { kind: 'call.reacknowledge', payload: { day: '2027-03-20' } });
    const en = translator('en');
    expect(en(notificationKey(call), notificationParams(call, en, 'en'))).toMatch(
      /^Your call on .*20.*2027.* changed: acknowledge it again$/,
    );
    const forced = note('a', 'x', { kind: 'phase.forced', payload: { actorName: 'Ayu', phase: 'show_day' } });
    expect(en(notificationKey(forced), notificationParams(forced, en, 'en'))).toBe(
      'Ayu forced the gate into Show day',
    );
    const reopened = note('a', 'x', { kind: 'checklist.reopened', payload: { department: 'lighting' } });
    expect(t(notificationKey(reopened), notificationParams(reopened, t, 'id'))).not.toContain('{');
  });
  it('marks read the named ones, or all', () => {
    const list = [note('a', '1'), note('b', '2')];
    expect(markedRead(list, ['a'], 'now').map((n) => n.readAt)).toEqual(['now', undefined]);
    expect(markedRead(list, 'all', 'now').every((n) => n.readAt === 'now')).toBe(true);
  });
  it('knows which live events change a thread', () => {
    const event = (type: string, item: unknown) => ({ type, data: { item } }) as unknown as LiveEvent;
    const item = { kind: 'contract' as const, id: contractId };
    expect(isThreadEvent(event('CommentPosted', item), item)).toBe(true);
    expect(isThreadEvent(event('CommentDeleted', { kind: 'task', id: contractId }), item)).toBe(false);
    expect(isThreadEvent(event('ContractSigned', item), item)).toBe(false);
  });
});

describe('NotificationStream', () => {
  function harness() {
    const sockets: SocketHandlers[] = [];
    const timers: Array<() => void> = [];
    const got: Notification[] = [];
    let reloads = 0;
    let ended = false;
    const stream = new NotificationStream({
      url: 'ws://x/api/live',
      openSocket: (_url, handlers) => {
        sockets.push(handlers);
        return { send: () => {}, close: () => {} };
      },
      onNotification: (n) => got.push(n),
      onReconnected: () => reloads++,
      onUnauthenticated: () => (ended = true),
      timers: { setTimeout: (cb) => timers.push(cb), clearTimeout: () => {} },
      random: () => 0,
    });
    return { stream, sockets, timers, got, reloads: () => reloads, ended: () => ended };
  }

  it('hands on notifications, ignores other messages, and reloads the feed after a reconnect', () => {
    const h = harness();
    h.stream.start();
    h.sockets[0]!.open();
    h.sockets[0]!.message(JSON.stringify({ type: 'heartbeat', serverTime: 'x', checkpoint: '1:1' }));
    h.sockets[0]!.message(JSON.stringify({ type: 'notification', notification: note('a', '1') }));
    h.sockets[0]!.message('not json');
    expect(h.got.map((n) => n.id)).toEqual(['a']);
    h.sockets[0]!.close(1006, 'lost');
    expect(h.timers).toHaveLength(1);
    h.timers[0]!();
    h.sockets[1]!.open();
    expect(h.reloads()).toBe(1);
  });

  it('stops for good when the session is over, and ignores a stopped socket', () => {
    const h = harness();
    h.stream.start();
    h.sockets[0]!.close(4401, 'unauthenticated');
    expect(h.ended()).toBe(true);
    expect(h.timers).toHaveLength(0);
    const other = harness();
    other.stream.start();
    other.stream.stop();
    other.sockets[0]!.message(JSON.stringify({ type: 'notification', notification: note('a', '1') }));
    other.sockets[0]!.close(1006, 'lost');
    expect(other.got).toEqual([]);
    expect(other.timers).toHaveLength(0);
  });
});
