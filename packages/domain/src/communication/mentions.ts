/** `@[Name](personId)`: how the dashboard writes a mention into a comment's plain text. */
const MENTION = /@\[([^\]\n]{1,200})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

/**
 * The people a text mentions, in order of first appearance, without repeats.
 *
 * @example
 * mentionedIn('Cek @[Eko](9c1…) ya') // ['9c1…']
 */
export function mentionedIn(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((match) => (match[2] ?? '').toLowerCase()))];
}

/** The text as a notification shows it: mentions as `@Name`, cut to `max` characters. */
export function plainExcerpt(text: string, max = 140): string {
  const plain = text
    .replace(MENTION, (_all, name: string) => `@${name}`)
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
