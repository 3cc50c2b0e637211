import type { EquipmentItem, Logistics } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { cargoNames, equipmentByDepartment, powerLine } from './logistics.ts';

const item = (itemId: string, department: EquipmentItem['department'], quantity: number): EquipmentItem => ({
  itemId,
  department,
  name: itemId,
  quantity,
  source: { kind: 'owned' },
});
const logistics: Logistics = {
  productionId: '6a1f0c2e-0000-4000-8000-0000000000c1',
  version: 3,
  venue: { location: 'GBK Madya', powerKva: 500, powerPhases: 3 },
  equipment: [item('moving-head', 'lighting', 12), item('k2', 'sound', 24), item('sub', 'sound', 8)],
  runs: [],
  windows: [],
  conflicts: [],
};

describe('logistics view helpers', () => {
  it('groups equipment by department in the usual order, with totals', () =>
    expect(
      equipmentByDepartment(logistics.equipment).map((g) => [g.department, g.items.length, g.total]),
    ).toEqual([
      ['sound', 2, 32],
      ['lighting', 1, 12],
    ]));
  it('names the cargo, leaving out items no longer listed', () =>
    expect(cargoNames(logistics, ['k2', 'gone'])).toEqual(['24× k2']));
  it('describes the power, or nothing when unknown', () => {
    expect(powerLine(logistics, 'fasa')).toBe('500 kVA · 3 fasa');
    expect(powerLine({ ...logistics, venue: { location: 'x' } }, 'fasa')).toBeUndefined();
  });
});
