import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type KeyPress } from './keyboard.ts';

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key,
  repeat: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: { tagName: 'BODY' },
  ...over,
});

describe('shortcutFor', () => {
  it('maps space to GO and the letters to the other commands, either case', () => {
    expect(shortcutFor(press(' '))).toBe('go');
    expect(shortcutFor(press('s'))).toBe('stand_by');
    expect(shortcutFor(press('H'))).toBe('hold_resume');
    expect(shortcutFor(press('x'))).toBe('skip');
    expect(shortcutFor(press('b'))).toBe('back');
    expect(shortcutFor(press('+'))).toBe('add_minute');
    expect(shortcutFor(press('='))).toBe('add_minute');
    expect(shortcutFor(press('-'))).toBe('remove_minute');
    expect(shortcutFor(press('d'))).toBe('delay');
    expect(shortcutFor(press('q'))).toBeUndefined();
    expect(shortcutFor(press('Enter'))).toBeUndefined();
  });

  it('is GO on a focused button too (the page keeps the browser from clicking it as well)', () => {
    expect(shortcutFor(press(' ', { target: { tagName: 'BUTTON' } }))).toBe('go');
  });

  it('never fires while typing in a field', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT'])
      expect(shortcutFor(press(' ', { target: { tagName } }))).toBeUndefined();
    expect(shortcutFor(press('s', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeUndefined();
  });

  it('ignores a held-down key and the browser’s own shortcuts', () => {
    expect(shortcutFor(press(' ', { repeat: true }))).toBeUndefined();
    expect(shortcutFor(press('s', { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(press('b', { metaKey: true }))).toBeUndefined();
    expect(shortcutFor(press('d', { altKey: true }))).toBeUndefined();
  });

  it('has a legend entry for every action, space first', () => {
    expect(SHORTCUTS[0]).toEqual({ action: 'go', keys: 'Spasi' });
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
  });
});
