export { freshDatabase } from './database.ts';
export { processesMentioning, isAlive } from './processes.ts';
export { freshNamespace, testTemporalAddress, uniqueTaskQueue } from './temporal.ts';
