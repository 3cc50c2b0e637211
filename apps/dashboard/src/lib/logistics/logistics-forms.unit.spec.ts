import type { ContractSummary, Member } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import {
  contractOptions,
  crewOptions,
  equipmentBody,
  optionalInteger,
  runBody,
  venueBody,
  venueFormOf,
} from './logistics-forms.ts';

const joko = '6a1f0c2e-0000-4000-8000-0000000000a8';
const eko = '6a1f0c2e-0000-4000-8000-0000000000a5';
const contractId = '6a1f0c2e-0000-4000-8000-00000000c0a1';

describe('venue form', () => {
  it('starts from the production’s venue name and sends only what was filled in', () => {
    const form = venueFormOf(undefined, 'Lapangan Banteng');
    expect(venueBody(form)).toEqual({ location: 'Lapangan Banteng' });
    expect(
      venueBody({ ...form, powerKva: 500, powerPhases: '3', capacity: '8000', loadingDock: ' Pintu 7 ' }),
    ).toEqual({
      location: 'Lapangan Banteng',
      powerKva: 500,
      powerPhases: 3,
      capacity: 8000,
      loadingDock: 'Pintu 7',
    });
  });

  it('round-trips saved details', () => {
    const venue = {
      location: 'GBK Madya',
      accessNotes: 'Lewat gerbang 5',
      powerKva: 200,
      powerPhases: 1 as const,
    };
    expect(venueBody(venueFormOf(venue, 'x'))).toEqual(venue);
  });

  it('treats empty number fields as unknown and passes a bad one on', () => {
    expect(optionalInteger(null)).toBeUndefined();
    expect(optionalInteger('')).toBeUndefined();
    expect(optionalInteger('abc')).toBeNaN();
  });
});

describe('equipment and run forms', () => {
  it('sends owned equipment or a contract’s', () => {
    const form = { department: 'sound' as const, name: ' K2 ', quantity: 24, source: 'owned' };
    expect(equipmentBody(form)).toEqual({
      department: 'sound',
      name: 'K2',
      quantity: 24,
      source: { kind: 'owned' },
    });
    expect(equipmentBody({ ...form, source: contractId }).source).toEqual({ kind: 'contract', contractId });
    expect(equipmentBody({ ...form, quantity: '' }).quantity).toBeNaN();
  });

  it('reads run times in WIB and leaves out a missing driver', () => {
    const form = {
      from: 'Gudang Cibubur',
      to: 'GBK Madya',
      departs: '2027-03-19T07:00',
      arrives: '2027-03-19T09:00',
      vehicle: 'Truk Fuso',
      driverId: '',
      cargo: ['a'],
    };
    expect(runBody(form, 'Asia/Jakarta')).toEqual({
      from: 'Gudang Cibubur',
      to: 'GBK Madya',
      departsAt: '2027-03-19T00:00:00.000Z',
      arrivesAt: '2027-03-19T02:00:00.000Z',
      vehicle: 'Truk Fuso',
      cargo: ['a'],
    });
    expect(runBody({ ...form, driverId: joko }, 'Asia/Jakarta').driverId).toBe(joko);
    expect(runBody({ ...form, departs: '' }, 'Asia/Jakarta').departsAt).toBe('');
  });
});

describe('choices', () => {
  it('offers crew members as drivers, each once', () => {
    const members: Member[] = [
      { personId: joko, name: 'Joko Susilo', role: 'crew', department: 'stage' },
      { personId: eko, name: 'Eko Prasetyo', role: 'crew', department: 'sound' },
      { personId: eko, name: 'Eko Prasetyo', role: 'show_caller' },
      { personId: '6a1f0c2e-0000-4000-8000-0000000000a2', name: 'Ayu', role: 'production_manager' },
    ];
    expect(crewOptions(members)).toEqual([
      { personId: eko, name: 'Eko Prasetyo' },
      { personId: joko, name: 'Joko Susilo' },
    ]);
  });

  it('offers live contracts with their vendor', () => {
    const contract = (id: string, status: ContractSummary['status']) =>
      ({ id, title: 'Sound system', vendor: { id: eko, name: 'PT Suara Prima' }, status }) as ContractSummary;
    expect(contractOptions([contract(contractId, 'signed'), contract(eko, 'withdrawn')])).toEqual([
      { id: contractId, label: 'Sound system — PT Suara Prima' },
    ]);
  });
});
