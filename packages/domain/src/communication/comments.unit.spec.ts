import type { CommentAudience } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { canSeeEvent } from '../access/visibility.ts';
import { specification } from '../testing/specification.ts';
import {
  decideComments,
  evolveComments,
  initialCommentsState,
  threadParticipants,
  type CommentAuthor,
  type CommentCommand,
  type CommentEvent,
  type MentionableMember,
} from './comments.ts';
import { mentionedIn, plainExcerpt } from './mentions.ts';
import { canSeeThread } from './visibility.ts';

const spec = specification(decideComments, evolveComments, initialCommentsState);
const metadata = { actor: 'person:ayu', now: '2027-02-01T10:00:00+07:00' };
const productionId = '11111111-1111-4111-8111-111111111111';
const contractId = '66666666-6666-4666-8666-666666666666';
const vendorId = '55555555-5555-4555-8555-555555555555';
const otherVendorId = '57575757-5757-4757-8757-575757575757';
const clientPartyId = '58585858-5858-4858-8858-585858585858';
const ayu = 'a0000000-0000-4000-8000-000000000001';
const eko = 'a0000000-0000-4000-8000-000000000002';
const hendra = 'a0000000-0000-4000-8000-000000000003';
const maya = 'a0000000-0000-4000-8000-000000000004';
const stranger = 'a0000000-0000-4000-8000-00000000dead';
const c1 = 'c0000000-0000-4000-8000-000000000001';
const c2 = 'c0000000-0000-4000-8000-000000000002';
const c3 = 'c0000000-0000-4000-8000-000000000003';

const manager = { personId: ayu, roles: ['production_manager' as const] };
const crew = { personId: eko, roles: ['crew' as const] };
const vendor = { personId: hendra, roles: ['vendor' as const], partyId: vendorId };
const client = { personId: maya, roles: ['client' as const], partyId: clientPartyId };
const members: MentionableMember[] = [
  { ...manager, name: 'Ayu' },
  { ...crew, name: 'Eko' },
  { ...vendor, name: 'Hendra' },
  { ...client, name: 'Maya' },
];
const contractItem = { kind: 'contract' as const, id: contractId };
const contractAudience: CommentAudience = { vendorId, client: false };
const internalAudience: CommentAudience = { client: false };

const post = (
  over: Partial<Extract<CommentCommand, { type: 'PostComment' }>['data']> = {},
): CommentCommand => ({
  type: 'PostComment',
  data: {
    productionId,
    commentId: c1,
    author: manager,
    audience: contractAudience,
    item: contractItem,
    text: 'Tolong cek rider',
    members,
    ...over,
  },
  metadata,
});
const posted = (
  over: Partial<Extract<CommentEvent, { type: 'CommentPosted' }>['data']> = {},
): CommentEvent => ({
  type: 'CommentPosted',
  data: {
    productionId,
    commentId: c1,
    item: contractItem,
    authorId: ayu,
    audience: contractAudience,
    text: 'Tolong cek rider',
    mentions: [],
    postedAt: metadata.now,
    ...over,
  },
});
const edit = (text: string, author: CommentAuthor = manager, commentId = c1): CommentCommand => ({
  type: 'EditComment',
  data: { productionId, commentId, author, audience: contractAudience, text, members },
  metadata,
});
const remove = (author: CommentAuthor = manager, commentId = c1): CommentCommand => ({
  type: 'DeleteComment',
  data: { productionId, commentId, author, audience: contractAudience },
  metadata,
});

describe('PostComment', () => {
  it('posts plain text, trimmed, with the mentions written in it and those named beside it', () =>
    spec
      .given([])
      .when(post({ text: `  Cek @[Hendra](${hendra}) ya  `, mentions: [eko] }))
      .then([posted({ text: `Cek @[Hendra](${hendra}) ya`, mentions: [hendra, eko] })]));
  it('replies: a reply to a reply joins the thread root', () =>
    spec
      .given([posted(), posted({ commentId: c2, parentId: c1, authorId: hendra })])
      .when(post({ commentId: c3, parentId: c2, author: vendor }))
      .then([posted({ commentId: c3, parentId: c1, authorId: hendra })]));
  it('lets the vendor post on its own contract', () =>
    spec
      .given([])
      .when(post({ author: vendor }))
      .then([posted({ authorId: hendra })]));
  it('refuses empty text', () =>
    spec
      .given([])
      .when(post({ text: '   ' }))
      .thenThrows('VALIDATION', /text/, 'text'));
  it('refuses more than 4000 characters', () =>
    spec
      .given([])
      .when(post({ text: 'x'.repeat(4001) }))
      .thenThrows('VALIDATION', /4000/, 'text'));
  it('refuses control characters', () =>
    spec
      .given([])
      .when(post({ text: 'a\u0007b' }))
      .thenThrows('VALIDATION', /plain text/, 'text'));
  it('refuses a mention of somebody who is not a member, naming them', () =>
    spec
      .given([])
      .when(post({ mentions: [stranger] }))
      .thenThrows('VALIDATION', new RegExp(stranger), 'mentions'));
  it('refuses a mention of a member who cannot see the thread', () =>
    spec
      .given([])
      .when(post({ text: `@[Maya](${maya}) lihat` }))
      .thenThrows('VALIDATION', /Maya .*cannot see this thread/, 'mentions'));
  it('refuses another vendor on this contract’s thread (403)', () =>
    spec
      .given([])
      .when(post({ author: { ...vendor, partyId: otherVendorId } }))
      .thenThrows('FORBIDDEN', /thread/));
  it('refuses a vendor and a client on an internal thread (403)', () => {
    spec
      .given([])
      .when(post({ author: vendor, audience: internalAudience, item: { kind: 'task', id: c3 } }))
      .thenThrows('FORBIDDEN');
    spec
      .given([])
      .when(post({ author: client, audience: internalAudience, item: { kind: 'task', id: c3 } }))
      .thenThrows('FORBIDDEN');
  });
  it('refuses a reply to a missing comment (404), a deleted one (409), or one in another thread (400)', () => {
    spec
      .given([])
      .when(post({ commentId: c2, parentId: c3 }))
      .thenThrows('NOT_FOUND', undefined, 'parentId');
    spec
      .given([
        posted(),
        { type: 'CommentDeleted', data: { ...posted().data, deletedAt: metadata.now } } as CommentEvent,
      ])
      .when(post({ commentId: c2, parentId: c1 }))
      .thenThrows('ILLEGAL_STATE', /deleted/, 'parentId');
    spec
      .given([posted()])
      .when(post({ commentId: c2, parentId: c1, item: { kind: 'production', id: productionId } }))
      .thenThrows('VALIDATION', /thread/, 'parentId');
  });
  it('refuses a comment id used twice', () =>
    spec
      .given([posted()])
      .when(post())
      .thenThrows('ILLEGAL_STATE', /already exists/));
});

describe('EditComment', () => {
  it('edits one’s own comment, naming who is newly mentioned', () =>
    spec
      .given([posted({ mentions: [eko] })])
      .when(edit(`Cek lagi @[Eko](${eko}) @[Hendra](${hendra})`))
      .then([
        {
          type: 'CommentEdited',
          data: {
            productionId,
            commentId: c1,
            item: contractItem,
            authorId: ayu,
            audience: contractAudience,
            text: `Cek lagi @[Eko](${eko}) @[Hendra](${hendra})`,
            mentions: [eko, hendra],
            newMentions: [hendra],
            editedAt: metadata.now,
          },
        },
      ]));
  it('records nothing when nothing changes', () =>
    spec.given([posted()]).when(edit('Tolong cek rider')).then([]));
  it('refuses somebody else’s comment (403), a missing one (404) and a deleted one (409)', () => {
    spec
      .given([posted()])
      .when(edit('x', crew))
      .thenThrows('FORBIDDEN', /author/);
    spec.given([]).when(edit('x')).thenThrows('NOT_FOUND');
    spec
      .given([
        posted(),
        { type: 'CommentDeleted', data: { ...posted().data, deletedAt: metadata.now } } as CommentEvent,
      ])
      .when(edit('x'))
      .thenThrows('ILLEGAL_STATE');
  });
});

describe('DeleteComment', () => {
  it('deletes one’s own comment softly', () =>
    spec
      .given([posted()])
      .when(remove())
      .then([
        {
          type: 'CommentDeleted',
          data: {
            productionId,
            commentId: c1,
            item: contractItem,
            authorId: ayu,
            audience: contractAudience,
            deletedAt: metadata.now,
          },
        },
      ]));
  it('refuses somebody else’s comment (403), and deleting twice (409)', () => {
    spec.given([posted()]).when(remove(crew)).thenThrows('FORBIDDEN');
    const deleted = {
      type: 'CommentDeleted',
      data: { ...posted().data, deletedAt: metadata.now },
    } as CommentEvent;
    spec.given([posted(), deleted]).when(remove()).thenThrows('ILLEGAL_STATE');
  });
  it('forgets the text of a deleted comment in the state', () => {
    const state = [
      posted(),
      { type: 'CommentDeleted', data: { ...posted().data, deletedAt: metadata.now } } as CommentEvent,
    ].reduce(evolveComments, initialCommentsState);
    expect(state.comments.get(c1)).toMatchObject({ text: '', deleted: true });
  });
});

describe('threads and visibility', () => {
  it('names the participants of a thread root', () => {
    const state = [posted(), posted({ commentId: c2, parentId: c1, authorId: hendra })].reduce(
      evolveComments,
      initialCommentsState,
    );
    expect(threadParticipants(state, c1).sort()).toEqual([ayu, hendra].sort());
  });
  it('lets internal roles see every thread, a vendor only its own, a client only what admits it', () => {
    expect(canSeeThread(internalAudience, crew)).toBe(true);
    expect(canSeeThread(contractAudience, vendor)).toBe(true);
    expect(canSeeThread(contractAudience, { ...vendor, partyId: otherVendorId })).toBe(false);
    expect(canSeeThread(contractAudience, client)).toBe(false);
    expect(canSeeThread({ client: true }, client)).toBe(true);
    expect(canSeeThread({ client: true }, vendor)).toBe(false);
    expect(canSeeThread(contractAudience, { personId: stranger, roles: [] })).toBe(false);
  });
  it('never lets the live stream leak a comment to a client or another vendor', () => {
    for (const type of ['CommentPosted', 'CommentEdited', 'CommentDeleted']) {
      const event = { type, data: posted().data };
      expect(canSeeEvent(event, vendor, vendor.roles)).toBe(true);
      expect(canSeeEvent(event, { ...vendor, partyId: otherVendorId }, vendor.roles)).toBe(false);
      expect(canSeeEvent(event, client, client.roles)).toBe(false);
      expect(canSeeEvent(event, crew, crew.roles)).toBe(true);
      // An event without its audience is internal: safe by default.
      expect(canSeeEvent({ type, data: { productionId } }, vendor, vendor.roles)).toBe(false);
    }
  });
  it('reads mentions out of text and writes them as @Name in excerpts', () => {
    expect(mentionedIn(`@[Eko](${eko}) dan @[Eko](${eko}) dan @[Ayu](${ayu})`)).toEqual([eko, ayu]);
    expect(plainExcerpt(`Halo @[Eko Prasetyo](${eko})!`)).toBe('Halo @Eko Prasetyo!');
    expect(plainExcerpt('x'.repeat(200), 10)).toHaveLength(10);
  });
});
