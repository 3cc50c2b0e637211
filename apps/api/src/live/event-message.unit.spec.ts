import type { StoredEvent } from '@panggung/event-store';
import { describe, expect, it } from 'vitest';
import { eventMessage } from './event-message.ts';

const productionId = '6a1f0c2e-0000-4000-8000-0000000000c1';

function stored(type: string, data: Record<string, unknown>): StoredEvent {
  return {
    id: 'e6d1f1a0-0000-4000-8000-000000000001',
    streamId: `rundown-${productionId}-2027-03-14`,
    streamVersion: 3n,
    position: 7n,
    transactionId: 1001n,
    type,
    schemaVersion: 1,
    data: data as StoredEvent['data'],
    metadata: { actor: 'person:a', recordedAt: '2027-03-14T11:00:00.000Z', productionId } as never,
    hash: '00',
    checkpoint: { transactionId: 1001n, position: 7n },
  };
}

const cueAdded = () =>
  stored('CueAdded', {
    productionId,
    showDay: '2027-03-14',
    cueId: '6a1f0c2e-0000-4000-8000-000000052001',
    segmentId: '6a1f0c2e-0000-4000-8000-000000051001',
    position: 0,
    title: 'Gerbang dibuka',
    durationSeconds: 3600,
    startKind: 'hard',
    startsAt: '16:00',
    notes: { sound: 'Musik latar', lighting: 'Preset sore' },
  });

const parse = (message: Buffer) =>
  JSON.parse(message.toString()) as { type: string; event: { data: { notes: unknown }; checkpoint: string } };

/**
 * Thousands of sockets share one encoding per audience of an event; what each receives must still be
 * exactly what `eventDataFor` lets that audience read.
 */
describe('eventMessage', () => {
  it('encodes the event once per audience and hands every socket of that audience the same bytes', () => {
    const event = cueAdded();
    const first = eventMessage(event, productionId, ['crew'], ['sound']);
    expect(eventMessage(event, productionId, ['crew'], ['sound'])).toBe(first);
    expect(eventMessage(event, productionId, ['crew'], ['lighting'])).not.toBe(first);
  });

  it('cuts department notes to the audience: all for the show caller, own for crew, none for a client', () => {
    const event = cueAdded();
    expect(parse(eventMessage(event, productionId, ['show_caller'], [])).event.data.notes).toEqual({
      sound: 'Musik latar',
      lighting: 'Preset sore',
    });
    expect(parse(eventMessage(event, productionId, ['crew'], ['sound'])).event.data.notes).toEqual({
      sound: 'Musik latar',
    });
    expect(parse(eventMessage(event, productionId, ['client'], [])).event.data.notes).toEqual({});
  });

  it('is the live stream’s event message, with the event’s checkpoint', () => {
    const message = parse(eventMessage(cueAdded(), productionId, ['production_manager'], []));
    expect(message.type).toBe('event');
    expect(message.event.checkpoint).toBe('1001:7');
  });
});
