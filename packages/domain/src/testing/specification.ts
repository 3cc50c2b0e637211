import { expect } from 'vitest';
import type { DomainError } from '../core/errors.ts';

/**
 * Domain tests read as specifications: given these events, when this command, then these events (or
 * this error).
 *
 * @example
 * const spec = specification(decideProduction, evolveProduction, initialProductionState);
 * spec.given([created]).when(addMember).then([memberAdded]);
 */
export function specification<Command, Event, State>(
  decide: (command: Command, state: State) => Event[],
  evolve: (state: State, event: Event) => State,
  initial: State,
) {
  return {
    given(events: readonly Event[]) {
      const state = events.reduce(evolve, initial);
      return {
        when(command: Command) {
          const run = () => decide(command, state);
          return {
            then(expected: readonly Event[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(code: DomainError['code'], message?: RegExp, field?: string) {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught, 'the command should have been refused').toMatchObject({ code });
              if (message) expect((caught as Error).message).toMatch(message);
              if (field) expect((caught as DomainError).field).toBe(field);
            },
          };
        },
      };
    },
  };
}
