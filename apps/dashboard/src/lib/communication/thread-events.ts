import type { CommentItem, LiveEvent } from '@panggung/contracts';

const COMMENT_EVENTS = new Set(['CommentPosted', 'CommentEdited', 'CommentDeleted']);

/** Whether a live event changes the thread on `item` (a comment posted, edited or deleted there). */
export function isThreadEvent(event: LiveEvent, item: CommentItem): boolean {
  if (!COMMENT_EVENTS.has(event.type)) return false;
  const on = (event.data as { item?: Partial<CommentItem> } | undefined)?.item;
  return on?.kind === item.kind && on.id === item.id;
}
