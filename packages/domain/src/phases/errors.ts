import type { GateCondition, ProductionStatus } from '@panggung/contracts';
import { IllegalStateError } from '../core/errors.ts';
import { describeCondition } from './gate.ts';

/** Only the next phase may follow: no skipping, no going back. */
export class PhaseSkipError extends IllegalStateError {
  readonly refusal = 'phase_not_next';
  constructor(
    readonly from: ProductionStatus,
    readonly to: ProductionStatus,
    readonly next: ProductionStatus | undefined,
  ) {
    super(
      next
        ? `A production in ${from} moves only to ${next}, not to ${to}`
        : `A production in ${from} has no further phase`,
      'to',
    );
  }
}

/** The gate to the next phase is not met: `missing` names every condition. */
export class GateNotMetError extends IllegalStateError {
  readonly refusal = 'gate_not_met';
  constructor(
    readonly from: ProductionStatus,
    readonly to: ProductionStatus,
    readonly missing: readonly GateCondition[],
  ) {
    super(`The gate from ${from} to ${to} is not met: ${missing.map(describeCondition).join('; ')}`);
  }
}
