import * as Contracts from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { EVENT_LABELS } from './change-labels.ts';
import { changesBetween, DETAILED_CHANGES } from './changes.ts';

/** Payload schemas the event modules export that are parts of events, not events. */
const NOT_EVENTS = new Set(['BudgetAlertKind', 'UnpaidMilestone']);

/** Each capability's event payloads, exported by the contracts as `<Capability>Events`. */
const eventModules = Object.entries(Contracts)
  .filter(([name]) => name.endsWith('Events'))
  .map(([, module]) => module as object);

const eventTypes = eventModules
  .flatMap((module) => Object.keys(module))
  .filter((name) => !NOT_EVENTS.has(name));

describe('the change list speaks both languages for every event', () => {
  it('has a sentence of its own or a label for every event type the contracts declare', () => {
    const missing = eventTypes.filter((type) => !DETAILED_CHANGES.has(type) && !EVENT_LABELS[type]);
    expect(missing).toEqual([]);
    expect(eventModules.length).toBe(14);
    expect(eventTypes.length).toBeGreaterThan(100);
  });

  it('labels only event types that exist and have no sentence of their own', () => {
    const known = new Set(eventTypes);
    expect(Object.keys(EVENT_LABELS).filter((type) => !known.has(type))).toEqual([]);
    expect(Object.keys(EVENT_LABELS).filter((type) => DETAILED_CHANGES.has(type))).toEqual([]);
  });

  it('lists an event without its own sentence in the language asked for', () => {
    const event = {
      streamId: 'show-x',
      type: 'CueAdded',
      data: { productionId: 'p' },
      position: '1:1',
      recordedAt: '2027-03-14T12:00:00.000Z',
      actor: 'system:test',
    };
    expect(changesBetween([event], { lang: 'id', names: new Map() })[0]!.summary).toBe('Cue ditambahkan');
    expect(changesBetween([event], { lang: 'en', names: new Map() })[0]!.summary).toBe('Cue added');
  });
});
