import { describe, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import { decideNotifications, evolveNotifications, initialNotificationsState } from './notifications.ts';

const spec = specification(decideNotifications, evolveNotifications, initialNotificationsState);
const personId = 'a0000000-0000-4000-8000-000000000002';
const id = 'b0000000-0000-4000-8000-000000000001';
const metadata = { actor: `person:${personId}`, now: '2027-02-01T10:00:00+07:00' };

describe('MarkNotificationsRead', () => {
  it('marks the named notifications read', () =>
    spec
      .given([])
      .when({ type: 'MarkNotificationsRead', data: { personId, ids: [id] }, metadata })
      .then([{ type: 'NotificationsRead', data: { personId, ids: [id] } }]));
  it('marks all read up to now', () =>
    spec
      .given([])
      .when({ type: 'MarkNotificationsRead', data: { personId, all: true }, metadata })
      .then([{ type: 'NotificationsRead', data: { personId, upTo: metadata.now } }]));
  it('refuses naming nothing', () =>
    spec
      .given([])
      .when({ type: 'MarkNotificationsRead', data: { personId, ids: [] }, metadata })
      .thenThrows('VALIDATION', /Name the notifications/, 'ids'));
});
