import { commentRules } from './comments.ts';
import { contractRules } from './contracts.ts';
import { incidentRules } from './incidents.ts';
import { logisticsRules } from './logistics.ts';
import type { NotificationRules } from './rule.ts';
import { timelineRules } from './timeline.ts';

/** Every source capability's notification rules: add a capability's file here. */
export const NOTIFICATION_RULES: readonly NotificationRules[] = [
  commentRules,
  contractRules,
  timelineRules,
  logisticsRules,
  incidentRules,
];

/** The event types any rule turns into notifications. */
export const NOTIFYING_EVENT_TYPES: ReadonlySet<string> = new Set(
  NOTIFICATION_RULES.flatMap((rules) => [...rules.eventTypes]),
);

export type { NotificationDraft, NotificationRules } from './rule.ts';
