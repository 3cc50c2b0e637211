import type { LiveEvent } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { translator, type Locale } from '../i18n/translate.ts';
import { describeEvent, type DescribeContext } from './activity.ts';

const PRODUCTION = '6a1f0c2e-0000-4000-8000-0000000000c1';
const AYU = '6a1f0c2e-0000-4000-8000-0000000000a2';
const EKO = '6a1f0c2e-0000-4000-8000-0000000000a5';

const context = (locale: Locale, me = 'someone-else'): DescribeContext => ({
  t: translator(locale),
  locale,
  timeZone: 'Asia/Jakarta',
  names: new Map([
    [AYU, 'Ayu Lestari'],
    [EKO, 'Eko Prasetyo'],
  ]),
  me,
});

const event = (type: string, data: unknown, actor = `person:${AYU}`): LiveEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  streamId: `production-${PRODUCTION}`,
  streamVersion: 3,
  productionId: PRODUCTION,
  data,
  actor,
  recordedAt: '2027-03-14T09:00:00.000Z',
  checkpoint: '10:1',
});

describe('describeEvent', () => {
  it('says a rename in both languages, with who did it', () => {
    const renamed = event('ProductionDetailsUpdated', {
      productionId: PRODUCTION,
      changes: { name: 'Senja 2027' },
    });
    expect(describeEvent(renamed, context('id'))).toMatchObject({
      sentences: ['Nama produksi diubah menjadi “Senja 2027”'],
      actor: 'Ayu Lestari',
    });
    expect(describeEvent(renamed, context('en')).sentences).toEqual(['Production renamed to “Senja 2027”']);
  });

  it('calls the signed-in person "you"', () => {
    const renamed = event('ProductionDetailsUpdated', { productionId: PRODUCTION, changes: { name: 'X' } });
    expect(describeEvent(renamed, context('id', AYU)).actor).toBe('Anda');
  });

  it('says each change of a multi-part update, with times in WIB', () => {
    const updated = event('ProductionDetailsUpdated', {
      productionId: PRODUCTION,
      changes: {
        venue: { name: 'GBK', city: 'Jakarta' },
        startsAt: '2027-03-14T20:00:00+07:00',
        endsAt: '2027-03-15T01:00:00+07:00',
        clientName: 'PT Baru',
      },
    });
    expect(describeEvent(updated, context('id')).sentences).toEqual([
      'Tempat diubah menjadi GBK, Jakarta',
      'Jadwal diubah menjadi Min, 14 Mar 2027 · 20.00 – Sen, 15 Mar 2027 · 01.00 WIB',
      'Klien diubah menjadi PT Baru',
    ]);
    const start = event('ProductionDetailsUpdated', {
      productionId: PRODUCTION,
      changes: { startsAt: '2027-03-14T10:00:00Z' },
    });
    expect(describeEvent(start, context('en')).sentences).toEqual([
      'Start changed to Sun, 14 Mar 2027 · 17:00 WIB',
    ]);
  });

  it('names members and their roles, with the department', () => {
    const added = event('MemberAdded', {
      productionId: PRODUCTION,
      personId: EKO,
      role: 'crew',
      department: 'sound',
    });
    expect(describeEvent(added, context('id')).sentences).toEqual([
      'Eko Prasetyo ditambahkan sebagai Kru (Tata suara)',
    ]);
    expect(describeEvent(added, context('en')).sentences).toEqual(['Eko Prasetyo was added as Crew (Sound)']);
    const stranger = event('MemberRemoved', {
      productionId: PRODUCTION,
      personId: 'unknown',
      role: 'vendor',
    });
    expect(describeEvent(stranger, context('en')).sentences).toEqual(['A member is no longer Vendor']);
  });

  it('says phase changes', () => {
    const phase = event('ProductionPhaseChanged', {
      productionId: PRODUCTION,
      from: 'planning',
      to: 'pre_production',
    });
    expect(describeEvent(phase, context('id')).sentences).toEqual([
      'Fase produksi berubah dari Perencanaan ke Praproduksi',
    ]);
  });

  it('gives a generic line for types it does not know, and for payloads that are not what they claim', () => {
    expect(describeEvent(event('QuoteSubmitted', {}), context('id')).sentences).toEqual([
      'Peristiwa QuoteSubmitted',
    ]);
    expect(describeEvent(event('ProductionCreated', {}), context('en')).sentences).toEqual([
      'Event ProductionCreated',
    ]);
  });

  it('tells people from the system and from strangers', () => {
    expect(describeEvent(event('X', {}, 'workflow:approval'), context('en')).actor).toBe('the system');
    expect(describeEvent(event('X', {}, 'person:nobody'), context('id')).actor).toBe('seseorang');
  });
});
