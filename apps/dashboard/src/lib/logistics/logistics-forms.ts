import type {
  AddEquipmentBody,
  ContractSummary,
  Department,
  Member,
  ScheduleTransportRunBody,
  SetVenueDetailsBody,
  VenueDetails,
} from '@panggung/contracts';
import { zonedLocalToIso } from '../format/dates.ts';

/** A number input's value: a number, '' or null when empty (browsers differ), text from a test. */
export type NumberField = number | string | null | undefined;

/** An integer, or undefined when the field is empty; NaN passes on for the API to name the field. */
export function optionalInteger(value: NumberField): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return Number(value);
}

/** Who may drive a run: the production's crew, each once, by name. */
export function crewOptions(members: readonly Member[]): { personId: string; name: string }[] {
  const byId = new Map<string, { personId: string; name: string }>();
  for (const m of members)
    if (m.role === 'crew' && !byId.has(m.personId))
      byId.set(m.personId, { personId: m.personId, name: m.name });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

/** Contracts equipment may come from: all but rejected and withdrawn ones, labelled with the vendor. */
export function contractOptions(contracts: readonly ContractSummary[]): { id: string; label: string }[] {
  return contracts
    .filter((c) => c.status !== 'rejected' && c.status !== 'withdrawn')
    .map((c) => ({ id: c.id, label: `${c.title} — ${c.vendor.name}` }));
}

export interface VenueForm {
  location: string;
  accessNotes: string;
  powerKva: NumberField;
  /** '' unknown, '1' or '3'. */
  powerPhases: string;
  capacity: NumberField;
  loadingDock: string;
}

export function venueFormOf(venue: VenueDetails | undefined, fallbackLocation: string): VenueForm {
  return {
    location: venue?.location ?? fallbackLocation,
    accessNotes: venue?.accessNotes ?? '',
    powerKva: venue?.powerKva ?? '',
    powerPhases: venue?.powerPhases ? String(venue.powerPhases) : '',
    capacity: venue?.capacity ?? '',
    loadingDock: venue?.loadingDock ?? '',
  };
}

/** The venue as the API takes it: blank fields left out, numbers as numbers. */
export function venueBody(form: VenueForm): SetVenueDetailsBody {
  const accessNotes = form.accessNotes.trim();
  const loadingDock = form.loadingDock.trim();
  const powerKva = optionalInteger(form.powerKva);
  const capacity = optionalInteger(form.capacity);
  return {
    location: form.location.trim(),
    ...(accessNotes ? { accessNotes } : {}),
    ...(powerKva !== undefined ? { powerKva } : {}),
    ...(form.powerPhases === '1' || form.powerPhases === '3'
      ? { powerPhases: form.powerPhases === '1' ? 1 : 3 }
      : {}),
    ...(capacity !== undefined ? { capacity } : {}),
    ...(loadingDock ? { loadingDock } : {}),
  };
}

export interface EquipmentForm {
  department: Department;
  name: string;
  quantity: NumberField;
  /** 'owned' or a contract id. */
  source: string;
}

export function equipmentBody(form: EquipmentForm): AddEquipmentBody {
  return {
    department: form.department,
    name: form.name.trim(),
    quantity: optionalInteger(form.quantity) ?? Number.NaN,
    source: form.source === 'owned' ? { kind: 'owned' } : { kind: 'contract', contractId: form.source },
  };
}

export interface RunForm {
  from: string;
  to: string;
  /** `datetime-local` text in the production's zone. */
  departs: string;
  arrives: string;
  vehicle: string;
  /** '' for no driver yet. */
  driverId: string;
  cargo: string[];
}

/**
 * The run as the API takes it, times read in the production's zone (WIB by default). A time that is not
 * one goes on as typed so the API names the field.
 */
export function runBody(form: RunForm, timeZone: string): ScheduleTransportRunBody {
  return {
    from: form.from.trim(),
    to: form.to.trim(),
    departsAt: zonedLocalToIso(form.departs, timeZone) ?? form.departs,
    arrivesAt: zonedLocalToIso(form.arrives, timeZone) ?? form.arrives,
    vehicle: form.vehicle.trim(),
    ...(form.driverId ? { driverId: form.driverId } : {}),
    cargo: [...form.cargo],
  };
}
