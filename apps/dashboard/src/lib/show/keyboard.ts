/** What the show caller's keys do. */
export type ShortcutAction =
  'go' | 'stand_by' | 'hold_resume' | 'skip' | 'back' | 'add_minute' | 'remove_minute' | 'delay';

/** The legend shown beside the buttons, in this order; `keys` as printed on the keycaps. */
export const SHORTCUTS: ReadonlyArray<{ readonly action: ShortcutAction; readonly keys: string }> = [
  { action: 'go', keys: 'Spasi' },
  { action: 'stand_by', keys: 'S' },
  { action: 'hold_resume', keys: 'H' },
  { action: 'skip', keys: 'X' },
  { action: 'back', keys: 'B' },
  { action: 'add_minute', keys: '+' },
  { action: 'remove_minute', keys: '−' },
  { action: 'delay', keys: 'D' },
];

const BY_KEY: Readonly<Record<string, ShortcutAction>> = {
  ' ': 'go',
  s: 'stand_by',
  h: 'hold_resume',
  x: 'skip',
  b: 'back',
  '+': 'add_minute',
  '=': 'add_minute',
  '-': 'remove_minute',
  d: 'delay',
};

/** What a `keydown` needs to tell: the key and where focus was (taken from the KeyboardEvent). */
export interface KeyPress {
  readonly key: string;
  readonly repeat: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** The focused element: its tag name (upper case, as the DOM gives it) and whether it is editable. */
  readonly target: { readonly tagName?: string; readonly isContentEditable?: boolean } | null;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Whether focus is in a field where the keys are text, not commands. */
export const isTyping = (target: KeyPress['target']): boolean =>
  !!target && (TYPING.has(target.tagName ?? '') || target.isContentEditable === true);

/**
 * The action a key press stands for, or undefined: never while typing in a field, never with Ctrl, ⌘ or
 * Alt (the browser's own shortcuts), never for a key held down (auto-repeat would fire GO many times).
 * Space is GO wherever else focus is, even on another button: the caller's hand is on the space bar, and
 * the page prevents the browser from also "clicking" the focused button.
 */
export function shortcutFor(press: KeyPress): ShortcutAction | undefined {
  if (press.repeat || press.ctrlKey || press.metaKey || press.altKey || isTyping(press.target))
    return undefined;
  return BY_KEY[press.key.length === 1 ? press.key.toLowerCase() : press.key];
}
