import type { TimelineEvents } from '@panggung/contracts';
import type { Projection, StoredEvent } from '@panggung/event-store';
import type { Insertable, Transaction } from 'kysely';
import type { Database, TimelineDependenciesTable, TimelineTasksTable } from '../schema/tables.ts';

/** Rows per multi-row statement: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 2_000;

/** A task row as written: the timestamps as the events have them, or as read back. */
type TaskRow = {
  [Column in keyof TimelineTasksTable]: Column extends 'due_at' | 'started_at' | 'completed_at'
    ? string | Date | null
    : Column extends 'progress'
      ? string
      : Column extends 'added_at'
        ? string
        : TimelineTasksTable[Column];
};

/**
 * A batch's task events folded in memory, as the statements they stood for would have left the rows: the
 * rows it touches are read first, changed in memory (an insert of a task that exists changes nothing, an
 * update or a removal of one that does not exist neither), and only the changed ones written at the end:
 * one delete and one upsert (of whole rows) per chunk rather than a statement per event.
 */
class TaskBatch {
  readonly #rows: Map<string, TaskRow | undefined>;
  readonly #existed: ReadonlySet<string>;
  readonly #changed = new Set<string>();

  private constructor(
    private readonly trx: Transaction<Database>,
    rows: readonly TaskRow[],
  ) {
    this.#rows = new Map(rows.map((row) => [row.task_id, row]));
    this.#existed = new Set(this.#rows.keys());
  }

  static async read(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<TaskBatch> {
    const ids = new Set<string>();
    for (const event of events) {
      if (!handles(event)) continue;
      const data = event.data as { taskId?: string; task?: { taskId: string } };
      const id = data.task?.taskId ?? data.taskId;
      if (TASK_EVENTS.has(event.type) && id) ids.add(id);
    }
    const rows: TaskRow[] = [];
    const all = [...ids];
    for (let at = 0; at < all.length; at += CHUNK)
      rows.push(
        ...(await trx
          .selectFrom('timeline_tasks')
          .selectAll()
          .where('task_id', 'in', all.slice(at, at + CHUNK))
          .execute()),
      );
    return new TaskBatch(trx, rows);
  }

  add(row: TaskRow): void {
    if (this.#rows.get(row.task_id)) return;
    this.#rows.set(row.task_id, row);
    this.#changed.add(row.task_id);
  }

  update(taskId: string, changes: Partial<TaskRow>): void {
    const row = this.#rows.get(taskId);
    if (!row) return;
    this.#rows.set(taskId, { ...row, ...changes });
    this.#changed.add(taskId);
  }

  remove(taskId: string): void {
    if (!this.#rows.get(taskId)) return;
    this.#rows.set(taskId, undefined);
    this.#changed.add(taskId);
  }

  async flush(): Promise<void> {
    const removed = [...this.#changed].filter((id) => !this.#rows.get(id) && this.#existed.has(id));
    for (let at = 0; at < removed.length; at += CHUNK)
      await this.trx
        .deleteFrom('timeline_tasks')
        .where('task_id', 'in', removed.slice(at, at + CHUNK))
        .execute();
    const written = [...this.#changed].flatMap((id) => {
      const row = this.#rows.get(id);
      return row ? [row] : [];
    });
    for (let at = 0; at < written.length; at += CHUNK)
      await this.trx
        .insertInto('timeline_tasks')
        .values(written.slice(at, at + CHUNK) as Insertable<TimelineTasksTable>[])
        .onConflict((oc) =>
          oc.column('task_id').doUpdateSet((eb) => ({
            production_id: eb.ref('excluded.production_id'),
            title: eb.ref('excluded.title'),
            kind: eb.ref('excluded.kind'),
            owner_id: eb.ref('excluded.owner_id'),
            duration_minutes: eb.ref('excluded.duration_minutes'),
            due_at: eb.ref('excluded.due_at'),
            progress: eb.ref('excluded.progress'),
            started_at: eb.ref('excluded.started_at'),
            completed_at: eb.ref('excluded.completed_at'),
            added_at: eb.ref('excluded.added_at'),
          })),
        )
        .execute();
  }
}

/** The events that change a task row. */
const TASK_EVENTS: ReadonlySet<string> = new Set([
  'TaskAdded',
  'TaskUpdated',
  'TaskStarted',
  'TaskCompleted',
  'TaskRemoved',
]);

/**
 * Dependency changes in their order: the additions in a row go in one multi-row insert, written before
 * the next removal (removals are rare: a removed dependency or task).
 */
class DependencyWrites {
  #added: Insertable<TimelineDependenciesTable>[] = [];
  constructor(private readonly trx: Transaction<Database>) {}

  add(row: Insertable<TimelineDependenciesTable>): void {
    this.#added.push(row);
  }

  async remove(productionId: string, predecessorId: string, successorId: string): Promise<void> {
    await this.flush();
    await this.trx
      .deleteFrom('timeline_dependencies')
      .where('production_id', '=', productionId)
      .where('predecessor_id', '=', predecessorId)
      .where('successor_id', '=', successorId)
      .execute();
  }

  async removeTask(productionId: string, taskId: string): Promise<void> {
    await this.flush();
    await this.trx
      .deleteFrom('timeline_dependencies')
      .where('production_id', '=', productionId)
      .where((eb) => eb.or([eb('predecessor_id', '=', taskId), eb('successor_id', '=', taskId)]))
      .execute();
  }

  async flush(): Promise<void> {
    const rows = this.#added;
    this.#added = [];
    for (let at = 0; at < rows.length; at += CHUNK)
      await this.trx
        .insertInto('timeline_dependencies')
        .values(rows.slice(at, at + CHUNK))
        .onConflict((oc) => oc.columns(['production_id', 'predecessor_id', 'successor_id']).doNothing())
        .execute();
  }
}

const handles = (event: StoredEvent): boolean => event.streamId.startsWith('timeline-');

/** Tasks and dependencies per production; the schedule and health are computed on read. */
export const timelineProjection: Projection<Database> = {
  name: 'timeline',
  handles,
  async apply(trx, events) {
    const tasks = await TaskBatch.read(trx, events);
    const dependencies = new DependencyWrites(trx);
    for (const event of events) {
      if (!handles(event)) continue;
      const addedAt = event.position.toString();
      switch (event.type) {
        case 'TaskAdded': {
          const { productionId, task } = event.data as unknown as TimelineEvents.TaskAdded;
          tasks.add({
            task_id: task.taskId,
            production_id: productionId,
            title: task.title,
            kind: task.kind,
            owner_id: task.ownerId ?? null,
            duration_minutes: task.durationMinutes,
            due_at: task.dueAt ?? null,
            progress: 'todo',
            started_at: null,
            completed_at: null,
            added_at: addedAt,
          });
          break;
        }
        case 'TaskUpdated': {
          const { taskId, changes } = event.data as unknown as TimelineEvents.TaskUpdated;
          tasks.update(taskId, {
            ...(changes.title !== undefined ? { title: changes.title } : {}),
            ...(changes.ownerId !== undefined ? { owner_id: changes.ownerId } : {}),
            ...(changes.durationMinutes !== undefined ? { duration_minutes: changes.durationMinutes } : {}),
            ...(changes.dueAt !== undefined ? { due_at: changes.dueAt } : {}),
          });
          break;
        }
        case 'TaskStarted': {
          const { taskId, at } = event.data as unknown as TimelineEvents.TaskStarted;
          tasks.update(taskId, { progress: 'started', started_at: at });
          break;
        }
        case 'TaskCompleted': {
          const { taskId, at } = event.data as unknown as TimelineEvents.TaskCompleted;
          tasks.update(taskId, { progress: 'done', completed_at: at });
          break;
        }
        case 'TaskRemoved': {
          const { productionId, taskId } = event.data as unknown as TimelineEvents.TaskRemoved;
          tasks.remove(taskId);
          await dependencies.removeTask(productionId, taskId);
          break;
        }
        case 'DependencyAdded': {
          const { productionId, predecessorId, successorId } =
            event.data as unknown as TimelineEvents.DependencyAdded;
          dependencies.add({
            production_id: productionId,
            predecessor_id: predecessorId,
            successor_id: successorId,
            added_at: addedAt,
          });
          break;
        }
        case 'DependencyRemoved': {
          const { productionId, predecessorId, successorId } =
            event.data as unknown as TimelineEvents.DependencyRemoved;
          await dependencies.remove(productionId, predecessorId, successorId);
          break;
        }
      }
    }
    await tasks.flush();
    await dependencies.flush();
  },
  async reset(trx) {
    await trx.deleteFrom('timeline_dependencies').execute();
    await trx.deleteFrom('timeline_tasks').execute();
  },
};
