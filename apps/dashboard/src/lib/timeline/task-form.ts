import type { Member, TimelineTask, UpdateTaskBody } from '@panggung/contracts';
import { isoToZonedLocal, zonedLocalToIso } from '../format/dates.ts';

/** A person who may own a task: each member once, by name (a person may hold several roles). */
export interface PersonOption {
  readonly personId: string;
  readonly name: string;
}

/** The production's members as owner choices; clients and vendors own no tasks of the crew's. */
export function ownerOptions(members: readonly Member[]): PersonOption[] {
  const byId = new Map<string, PersonOption>();
  for (const m of members)
    if (m.role !== 'client' && m.role !== 'vendor' && !byId.has(m.personId))
      byId.set(m.personId, { personId: m.personId, name: m.name });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

/** What the edit form holds: text as the inputs give it; '' for no owner or no due date. */
export interface TaskForm {
  title: string;
  ownerId: string;
  /** Hours, as the number input gives it. */
  hours: number | string | null | undefined;
  /** `datetime-local` text in the production's zone. */
  due: string;
}

export function taskFormOf(task: TimelineTask, timeZone: string): TaskForm {
  return {
    title: task.title,
    ownerId: task.ownerId ?? '',
    hours: task.durationMinutes / 60,
    due: task.dueAt ? isoToZonedLocal(task.dueAt, timeZone) : '',
  };
}

/** Hours typed as whole minutes; NaN when the field is empty or not a number (the API names it). */
export function hoursToMinutes(hours: number | string | null | undefined): number {
  if (hours === null || hours === undefined || hours === '') return Number.NaN;
  return Math.round(Number(hours) * 60);
}

/**
 * Only what the form changed, so an edit never overwrites a field somebody else changed meanwhile;
 * `null` clears the owner or the due date. A milestone keeps its zero duration.
 */
export function taskChanges(task: TimelineTask, form: TaskForm, timeZone: string): UpdateTaskBody {
  const changes: { -readonly [K in keyof UpdateTaskBody]: UpdateTaskBody[K] } = {};
  const title = form.title.trim();
  if (title !== task.title) changes.title = title;
  if (form.ownerId !== (task.ownerId ?? '')) changes.ownerId = form.ownerId || null;
  if (task.kind === 'task') {
    const minutes = hoursToMinutes(form.hours);
    if (minutes !== task.durationMinutes) changes.durationMinutes = minutes;
  }
  const dueAt = form.due ? (zonedLocalToIso(form.due, timeZone) ?? form.due) : null;
  const sameDue =
    dueAt === null
      ? task.dueAt === undefined
      : task.dueAt !== undefined && Date.parse(task.dueAt) === Date.parse(dueAt);
  if (!sameDue) changes.dueAt = dueAt;
  return changes;
}
