import { Type, type Static } from 'typebox';
import { Uuid } from '../common/common.ts';
import { Task } from './timeline.ts';

/** Event payloads of the `timeline-<productionId>` stream. */
export const TaskAdded = Type.Object({ productionId: Uuid, task: Task });
export type TaskAdded = Static<typeof TaskAdded>;

export const DependencyAdded = Type.Object({ productionId: Uuid, predecessorId: Uuid, successorId: Uuid });
export type DependencyAdded = Static<typeof DependencyAdded>;

export const DependencyRemoved = Type.Object({ productionId: Uuid, predecessorId: Uuid, successorId: Uuid });
export type DependencyRemoved = Static<typeof DependencyRemoved>;
