export { freshDatabase } from './database.ts';
export { processesMentioning, isAlive } from './processes.ts';
