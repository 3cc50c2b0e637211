import { describe, expect, it } from 'vitest';
import { orderByDependencies, ProjectionDependencyError } from './dependencies.ts';

const p = (name: string, ...dependsOn: string[]) => ({ name, dependsOn });
const names = (projections: ReadonlyArray<{ name: string }>) => projections.map((x) => x.name);

describe('orderByDependencies', () => {
  it('keeps an order that already satisfies the dependencies', () => {
    const list = [
      p('organisations'),
      p('productions'),
      p('budget'),
      p('communication', 'productions', 'organisations'),
      p('crew', 'productions'),
    ];
    expect(names(orderByDependencies(list))).toEqual(names(list));
  });

  it('moves dependencies before the projections that read them, otherwise keeping the order', () => {
    const list = [
      p('crew', 'productions'),
      p('budget'),
      p('communication', 'productions', 'organisations'),
      p('productions'),
      p('organisations'),
    ];
    expect(names(orderByDependencies(list))).toEqual([
      'productions',
      'crew',
      'budget',
      'organisations',
      'communication',
    ]);
  });

  it('refuses an unknown dependency, unless dependencies outside the set are allowed', () => {
    expect(() => orderByDependencies([p('crew', 'productons')])).toThrow(ProjectionDependencyError);
    expect(() => orderByDependencies([p('crew', 'productons')])).toThrow(/"productons"/);
    expect(names(orderByDependencies([p('crew', 'productions')], { outside: 'allow' }))).toEqual(['crew']);
  });

  it('refuses a projection depending on itself, a cycle and a name given twice', () => {
    expect(() => orderByDependencies([p('crew', 'crew')], { outside: 'allow' })).toThrow(/depends on itself/);
    expect(() => orderByDependencies([p('a', 'b'), p('b', 'c'), p('c', 'a')])).toThrow(
      /cycle: a → b → c → a/,
    );
    expect(() => orderByDependencies([p('a'), p('a')])).toThrow(/given twice/);
  });
});
