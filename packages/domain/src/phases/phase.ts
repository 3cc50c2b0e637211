import type { ProductionEvents, ProductionStatus } from '@panggung/contracts';
import { ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';
import { GateNotMetError, PhaseSkipError } from './errors.ts';
import { gateFor, nextPhase, type GateFacts } from './gate.ts';

/** A forced gate's reason is written out: at least this many characters. */
export const MIN_FORCE_REASON_LENGTH = 10;

export type PhaseCommand =
  | Command<'AdvancePhase', { productionId: string; to: ProductionStatus; facts: GateFacts }>
  | Command<
      'ForceGate',
      { productionId: string; to: ProductionStatus; reason: string; byPersonId: string; facts: GateFacts }
    >;

/** The production stream's events that move its phase. */
export type PhaseEvent =
  | DomainEvent<'ProductionPhaseChanged', ProductionEvents.ProductionPhaseChanged>
  | DomainEvent<'ProductionClosed', ProductionEvents.ProductionClosed>;

export interface PhaseState {
  readonly phase: ProductionStatus;
}

/** A production starts in planning. */
export const initialPhaseState: PhaseState = { phase: 'planning' };

export function evolvePhase(state: PhaseState, event: PhaseEvent): PhaseState {
  switch (event.type) {
    case 'ProductionPhaseChanged':
      return { phase: event.data.to };
    case 'ProductionClosed':
      return { phase: 'closed' };
    default:
      return assertNever(event);
  }
}

/**
 * Decides a move to the next phase against the gate facts. Advancing needs every condition met;
 * forcing needs a written reason and records it with what was missing.
 *
 * @example
 * decidePhase({ type: 'AdvancePhase', data: { productionId, to: 'pre_production', facts }, metadata }, state)
 */
export function decidePhase(command: PhaseCommand, state: PhaseState): PhaseEvent[] {
  const { productionId, to, facts } = command.data;
  const from = state.phase;
  const next = nextPhase(from);
  if (next !== to) throw new PhaseSkipError(from, to, next);
  const missing = gateFor(from, to, facts);
  switch (command.type) {
    case 'AdvancePhase':
      if (missing.length > 0) throw new GateNotMetError(from, to, missing);
      return [{ type: 'ProductionPhaseChanged', data: { productionId, from, to } }];
    case 'ForceGate': {
      const reason = command.data.reason.trim();
      if (reason.length < MIN_FORCE_REASON_LENGTH)
        throw new ValidationError(
          `A forced gate needs a written reason of at least ${MIN_FORCE_REASON_LENGTH} characters`,
          'reason',
        );
      return [
        {
          type: 'ProductionPhaseChanged',
          data: { productionId, from, to, forced: { reason, byPersonId: command.data.byPersonId, missing } },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}
