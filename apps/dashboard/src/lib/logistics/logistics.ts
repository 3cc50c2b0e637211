import type { Department, EquipmentItem, Logistics } from '@panggung/contracts';

/** Departments in the order a production office lists them (values here: the bundle imports types only). */
export const DEPARTMENTS: readonly Department[] = [
  'sound',
  'lighting',
  'video',
  'stage',
  'rigging',
  'power',
  'backline',
  'runner',
  'security_liaison',
  'production_office',
  'hospitality',
];

/** Equipment grouped by department, departments in `DEPARTMENTS` order, items as listed. */
export function equipmentByDepartment(
  equipment: readonly EquipmentItem[],
): { department: Department; items: EquipmentItem[]; total: number }[] {
  const groups = new Map<Department, EquipmentItem[]>();
  for (const item of equipment) groups.set(item.department, [...(groups.get(item.department) ?? []), item]);
  return DEPARTMENTS.filter((d) => groups.has(d)).map((department) => {
    const items = groups.get(department)!;
    return { department, items, total: items.reduce((sum, i) => sum + i.quantity, 0) };
  });
}

/** Item names for a run's cargo line; unknown ids (removed items) are left out. */
export function cargoNames(logistics: Logistics, cargo: readonly string[]): string[] {
  const names = new Map(logistics.equipment.map((i) => [i.itemId, `${i.quantity}× ${i.name}`]));
  return cargo.flatMap((id) => names.get(id) ?? []);
}

/** `500 kVA · 3 fasa`, or undefined when no power is known. */
export function powerLine(logistics: Logistics, phasesWord: string): string | undefined {
  const venue = logistics.venue;
  if (venue?.powerKva === undefined) return undefined;
  return venue.powerPhases
    ? `${venue.powerKva} kVA · ${venue.powerPhases} ${phasesWord}`
    : `${venue.powerKva} kVA`;
}
