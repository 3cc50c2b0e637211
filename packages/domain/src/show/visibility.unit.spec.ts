import { describe, expect, it } from 'vitest';
import { canSeeEvent, eventDataFor } from '../access/visibility.ts';
import { rundownEvents } from './show.fixtures.ts';
import { mayAcknowledgeStandby, showAudience, showEventDataFor } from './visibility.ts';

const viewer = { personId: 'p' };
const cueAdded = rundownEvents.find(
  (e) => e.type === 'CueAdded' && e.data.title === 'MC welcome',
) as (typeof rundownEvents)[number];
const standby = { type: 'CueStoodBy', data: { cueId: 'c', departments: ['sound'] } };

describe('who sees what of a show', () => {
  it('gives the caller and managers every note, crew their department’s, a client none', () => {
    expect(showAudience(['show_caller'], []).departments).toEqual(['sound', 'lighting', 'video', 'stage']);
    expect(showAudience(['crew'], ['sound', 'rigging'])).toEqual({ departments: ['sound'], client: false });
    expect(showAudience(['finance_approver'], [])).toEqual({ departments: [], client: false });
    expect(showAudience(['client'], [])).toEqual({ departments: [], client: true });
  });

  it('cuts a cue’s notes to the viewer’s departments on the way out', () => {
    expect(eventDataFor(cueAdded, ['crew'], ['sound'])).toMatchObject({ notes: { sound: 'MC mic 1 on' } });
    expect((eventDataFor(cueAdded, ['crew'], ['lighting']) as { notes: object }).notes).toEqual({
      lighting: 'Warm wash',
    });
    expect((eventDataFor(cueAdded, ['client'], []) as { notes: object }).notes).toEqual({});
    expect(eventDataFor(cueAdded, ['production_manager'], [])).toEqual(cueAdded.data);
    // Other capabilities' events pass unchanged.
    const other = { type: 'ProductionCreated', data: { notes: { sound: 'x' } } };
    expect(eventDataFor(other, ['client'], [])).toBe(other.data);
  });

  it('strips notes from the frozen run too', () => {
    const run = { cues: [{ cueId: 'c', notes: { sound: 'a', stage: 'b' } }] };
    const data = showEventDataFor(
      { type: 'ShowRunFrozen', data: { run } },
      showAudience(['crew'], ['stage']),
    ) as { run: { cues: Array<{ notes: object }> } };
    expect(data.run.cues[0]?.notes).toEqual({ stage: 'b' });
  });

  it('shows a client the show’s progress but not the departments’ standby; a vendor nothing', () => {
    const started = { type: 'CueStarted', data: { cueId: 'c' } };
    expect(canSeeEvent(started, viewer, ['client'])).toBe(true);
    expect(canSeeEvent(cueAdded, viewer, ['client'])).toBe(true);
    expect(canSeeEvent(standby, viewer, ['client'])).toBe(false);
    expect(canSeeEvent(standby, viewer, ['crew'])).toBe(true);
    expect(canSeeEvent(started, viewer, ['vendor'])).toBe(false);
  });

  it('lets a department acknowledge only its own standby, the caller any', () => {
    expect(mayAcknowledgeStandby(['crew'], ['sound'], 'sound')).toBe(true);
    expect(mayAcknowledgeStandby(['crew'], ['sound'], 'lighting')).toBe(false);
    expect(mayAcknowledgeStandby(['client'], [], 'sound')).toBe(false);
    expect(mayAcknowledgeStandby(['show_caller'], [], 'stage')).toBe(true);
  });
});
