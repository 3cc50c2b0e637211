export * from './common/common.ts';
export * from './access/roles.ts';
export * from './auth/auth.ts';
export * from './productions/productions.ts';
export * as ProductionEvents from './productions/events.ts';
export * as OrganisationEvents from './organisations/events.ts';
export * from './live/messages.ts';
export * from './health/health.ts';
