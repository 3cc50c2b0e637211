import { describe, expect, it } from 'vitest';
import { emptyIdMap, idMapDelete, idMapGet, idMapSet, idMapValues, type IdMap } from './shift-map.ts';

describe('IdMap', () => {
  it('sets, replaces, reads and deletes without changing earlier versions', () => {
    const one = idMapSet(emptyIdMap as IdMap<number>, 'a', 1);
    const two = idMapSet(one, 'b', 2);
    const replaced = idMapSet(two, 'a', 10);
    const removed = idMapDelete(replaced, 'b');
    expect([idMapGet(one, 'b'), idMapGet(two, 'b'), idMapGet(replaced, 'a'), idMapGet(two, 'a')]).toEqual([
      undefined,
      2,
      10,
      1,
    ]);
    expect([one.size, two.size, replaced.size, removed.size]).toEqual([1, 2, 2, 1]);
    expect(idMapValues(removed)).toEqual([10]);
    expect(idMapDelete(removed, 'missing')).toBe(removed);
    expect(idMapGet(removed, 'toString')).toBeUndefined();
  });

  it('holds thousands of ids', () => {
    let map = emptyIdMap as IdMap<number>;
    for (let i = 0; i < 5000; i++) map = idMapSet(map, `shift-${i}`, i);
    expect(map.size).toBe(5000);
    expect(idMapValues(map).sort((a, b) => a - b)).toEqual([...Array(5000).keys()]);
    expect(idMapGet(map, 'shift-4321')).toBe(4321);
  });
});
