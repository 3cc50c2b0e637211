import { describe, expect, it } from 'vitest';
import { insertMention, matchMembers, mentionQuery, segments, threaded } from './mentions.ts';

const eko = { id: 'a0000000-0000-4000-8000-000000000002', name: 'Eko Prasetyo' };
const ayu = { id: 'a0000000-0000-4000-8000-000000000001', name: 'Ayu Lestari' };

describe('mentions in a comment', () => {
  it('splits text and mentions, leaving markup-looking text as text', () => {
    expect(segments(`Cek @[Eko Prasetyo](${eko.id}) <b>ya</b>`)).toEqual([
      { kind: 'text', text: 'Cek ' },
      { kind: 'mention', name: 'Eko Prasetyo', id: eko.id },
      { kind: 'text', text: ' <b>ya</b>' },
    ]);
    expect(segments('')).toEqual([]);
  });
  it('finds the @query being typed before the caret, and nothing inside an e-mail address', () => {
    expect(mentionQuery('Halo @ek', 8)).toEqual({ start: 5, query: 'ek' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('ayu@gema.test', 13)).toBeUndefined();
    expect(mentionQuery('Halo @ek lagi ya', 16)).toBeUndefined();
  });
  it('matches members by the start of any word of their name', () => {
    expect(matchMembers([ayu, eko], 'pra')).toEqual([eko]);
    expect(matchMembers([ayu, eko], '')).toEqual([ayu, eko]);
    expect(matchMembers([ayu, eko], 'x')).toEqual([]);
  });
  it('replaces the query with the mention token and puts the caret after it', () => {
    const next = insertMention('Halo @ek!', 5, 8, eko);
    expect(next.text).toBe(`Halo @[Eko Prasetyo](${eko.id}) !`);
    expect(next.caret).toBe(next.text.length - 1);
  });
  it('puts replies under their root', () => {
    const list = [{ id: 'a' }, { id: 'b', parentId: 'a' }, { id: 'c' }];
    expect(threaded(list)).toEqual([
      { comment: { id: 'a' }, replies: [{ id: 'b', parentId: 'a' }] },
      { comment: { id: 'c' }, replies: [] },
    ]);
  });
});
