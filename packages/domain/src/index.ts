export * from './core/messages.ts';
export * from './core/errors.ts';
export * from './access/viewer.ts';
export * from './access/permissions.ts';
export * from './access/visibility.ts';
export * from './organisations/organisation.ts';
export * from './productions/production.ts';
