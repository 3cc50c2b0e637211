import { IllegalStateError } from '../core/errors.ts';

/** Dependencies that go round in a circle: no task on it could ever start (HTTP 409). */
export class DependencyCycleError extends IllegalStateError {
  /** Task ids around the cycle, the first repeated at the end. */
  readonly cycle: readonly string[];
  constructor(cycle: readonly string[], titleOf: (id: string) => string = (id) => id) {
    super(`The dependencies would form a cycle: ${cycle.map(titleOf).join(' → ')}`, 'predecessorId');
    this.cycle = cycle;
  }
}
