import type { ShiftConflict } from '@panggung/contracts';
import { IllegalStateError } from '../core/errors.ts';

/**
 * A shift refused for its conflicts (HTTP 409 with the list); a manager may assign it anyway with
 * `override: { reason }`.
 */
export class ShiftConflictError extends IllegalStateError {
  constructor(readonly conflicts: readonly ShiftConflict[]) {
    super(
      `The shift conflicts with the schedule: ${conflicts.map((c) => c.message).join('; ')}. Change it, or override with a reason.`,
      'startsAt',
    );
  }
}
