export { freshDatabase } from './database.ts';
export { processesMentioning, isAlive } from './processes.ts';
export { testTemporalAddress, uniqueTaskQueue } from './temporal.ts';
