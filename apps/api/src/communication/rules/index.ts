import { budgetRules } from './budget.ts';
import { commentRules } from './comments.ts';
import { contractRules } from './contracts.ts';
import { crewRules } from './crew.ts';
import { incidentRules } from './incidents.ts';
import { logisticsRules } from './logistics.ts';
import { phaseRules } from './phases.ts';
import type { NotificationRules } from './rule.ts';
import { technicalRules } from './technical.ts';
import { timelineRules } from './timeline.ts';

/** Every source capability's notification rules: add a capability's file here. */
export const NOTIFICATION_RULES: readonly NotificationRules[] = [
  commentRules,
  contractRules,
  timelineRules,
  logisticsRules,
  crewRules,
  phaseRules,
  budgetRules,
  technicalRules,
  incidentRules,
];

/** The event types any rule turns into notifications. */
export const NOTIFYING_EVENT_TYPES: ReadonlySet<string> = new Set(
  NOTIFICATION_RULES.flatMap((rules) => [...rules.eventTypes]),
);

export type { NotificationDraft, NotificationRules } from './rule.ts';
