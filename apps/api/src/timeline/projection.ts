import type { TimelineEvents } from '@panggung/contracts';
import type { Projection, StoredEvent } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';

const handles = (event: StoredEvent): boolean => event.streamId.startsWith('timeline-');

/** Tasks and dependencies per production; the schedule and health are computed on read. */
export const timelineProjection: Projection<Database> = {
  name: 'timeline',
  handles,
  async apply(trx, events) {
    for (const event of events) {
      if (!handles(event)) continue;
      const addedAt = event.position.toString();
      switch (event.type) {
        case 'TaskAdded': {
          const { productionId, task } = event.data as unknown as TimelineEvents.TaskAdded;
          await trx
            .insertInto('timeline_tasks')
            .values({
              task_id: task.taskId,
              production_id: productionId,
              title: task.title,
              kind: task.kind,
              owner_id: task.ownerId ?? null,
              duration_minutes: task.durationMinutes,
              due_at: task.dueAt ?? null,
              added_at: addedAt,
            })
            .onConflict((oc) => oc.column('task_id').doNothing())
            .execute();
          break;
        }
        case 'TaskUpdated': {
          const { taskId, changes } = event.data as unknown as TimelineEvents.TaskUpdated;
          await trx
            .updateTable('timeline_tasks')
            .set({
              ...(changes.title !== undefined ? { title: changes.title } : {}),
              ...(changes.ownerId !== undefined ? { owner_id: changes.ownerId } : {}),
              ...(changes.durationMinutes !== undefined ? { duration_minutes: changes.durationMinutes } : {}),
              ...(changes.dueAt !== undefined ? { due_at: changes.dueAt } : {}),
            })
            .where('task_id', '=', taskId)
            .execute();
          break;
        }
        case 'TaskStarted': {
          const { taskId, at } = event.data as unknown as TimelineEvents.TaskStarted;
          await trx
            .updateTable('timeline_tasks')
            .set({ progress: 'started', started_at: at })
            .where('task_id', '=', taskId)
            .execute();
          break;
        }
        case 'TaskCompleted': {
          const { taskId, at } = event.data as unknown as TimelineEvents.TaskCompleted;
          await trx
            .updateTable('timeline_tasks')
            .set({ progress: 'done', completed_at: at })
            .where('task_id', '=', taskId)
            .execute();
          break;
        }
        case 'TaskRemoved': {
          const { productionId, taskId } = event.data as unknown as TimelineEvents.TaskRemoved;
          await trx.deleteFrom('timeline_tasks').where('task_id', '=', taskId).execute();
          await trx
            .deleteFrom('timeline_dependencies')
            .where('production_id', '=', productionId)
            .where((eb) => eb.or([eb('predecessor_id', '=', taskId), eb('successor_id', '=', taskId)]))
            .execute();
          break;
        }
        case 'DependencyAdded': {
          const { productionId, predecessorId, successorId } =
            event.data as unknown as TimelineEvents.DependencyAdded;
          await trx
            .insertInto('timeline_dependencies')
            .values({
              production_id: productionId,
              predecessor_id: predecessorId,
              successor_id: successorId,
              added_at: addedAt,
            })
            .onConflict((oc) => oc.columns(['production_id', 'predecessor_id', 'successor_id']).doNothing())
            .execute();
          break;
        }
        case 'DependencyRemoved': {
          const { productionId, predecessorId, successorId } =
            event.data as unknown as TimelineEvents.DependencyRemoved;
          await trx
            .deleteFrom('timeline_dependencies')
            .where('production_id', '=', productionId)
            .where('predecessor_id', '=', predecessorId)
            .where('successor_id', '=', successorId)
            .execute();
          break;
        }
      }
    }
  },
  async reset(trx) {
    await trx.deleteFrom('timeline_dependencies').execute();
    await trx.deleteFrom('timeline_tasks').execute();
  },
};
