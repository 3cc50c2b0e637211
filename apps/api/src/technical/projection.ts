import {
  evolveTechnical,
  initialTechnicalState,
  TECHNICAL_EVENT_TYPES,
  type TechnicalEvent,
  type TechnicalState,
} from '@panggung/domain';
import { stateViewProjection } from '../commands/state-view-projection.ts';

/**
 * Technical preparation per production: the domain's own fold of the `technical-<id>` stream, kept as
 * JSON, so the page shows exactly what the rules decide on (riders, checklists, sign-offs, issues).
 */
export const technicalProjection = stateViewProjection<TechnicalEvent, TechnicalState>(
  'technical',
  'technical-',
  'technical_views',
  { evolve: evolveTechnical, initial: initialTechnicalState, eventTypes: TECHNICAL_EVENT_TYPES },
);
