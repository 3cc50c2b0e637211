import type { NamedRef } from '@panggung/contracts';

/** A comment's text in pieces: plain text, and mentions to show as `@Name`. */
export type Segment = { kind: 'text'; text: string } | { kind: 'mention'; name: string; id: string };

const MENTION = /@\[([^\]\n]{1,200})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

/**
 * Splits a comment into text and mentions (never HTML: the thread renders each piece as text).
 *
 * @example
 * segments('Hi @[Eko](…)') // [{ kind: 'text', text: 'Hi ' }, { kind: 'mention', name: 'Eko', id: '…' }]
 */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    const at = match.index;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    out.push({ kind: 'mention', name: match[1] ?? '', id: match[2] ?? '' });
    last = at + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The `@query` being typed just before the caret, if any (letters, digits, spaces after `@`, up to 30). */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | undefined {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}._-]{0,30}(?: [\p{L}\p{N}._-]{0,30})?)$/u.exec(before);
  if (!match) return undefined;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** Members whose name matches the query (any word's start), at most `max`. */
export function matchMembers(members: readonly NamedRef[], query: string, max = 6): NamedRef[] {
  const q = query.trim().toLocaleLowerCase();
  return members
    .filter((member) =>
      q === ''
        ? true
        : member.name
            .toLocaleLowerCase()
            .split(/\s+/)
            .some((word) => word.startsWith(q)) || member.name.toLocaleLowerCase().startsWith(q),
    )
    .slice(0, max);
}

/** Replaces the `@query` at `start…caret` with the mention token, and says where the caret goes. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  member: NamedRef,
): { text: string; caret: number } {
  const token = `@[${member.name.replace(/[[\]\n]/g, '')}](${member.id}) `;
  return { text: text.slice(0, start) + token + text.slice(caret), caret: start + token.length };
}

/** Replies under their root, roots in order: how a thread is shown. */
export function threaded<T extends { id: string; parentId?: string | undefined }>(
  comments: readonly T[],
): Array<{ comment: T; replies: T[] }> {
  const roots = comments.filter((c) => !c.parentId || !comments.some((p) => p.id === c.parentId));
  return roots.map((comment) => ({ comment, replies: comments.filter((c) => c.parentId === comment.id) }));
}
