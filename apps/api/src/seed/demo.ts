import {
  decideProduction,
  evolveProduction,
  initialProductionState,
  PRODUCTION_EVENT_TYPES,
  organisationStream,
  productionStream,
  type ProductionCommand,
  type ProductionEvent,
  type ProductionState,
} from '@panggung/domain';
import type { EventStore } from '@panggung/event-store';
import type { ContractApprovalInput } from '@panggung/workflows';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { DEMO } from './demo-ids.ts';
import { seedPlanning } from './planning.ts';
import { seedProcurement } from './procurement.ts';
import { seedShow } from './show.ts';
import type { Database } from '../schema/tables.ts';
import { createOrganisation, registerPerson, type NewPerson } from './register.ts';

export { DEMO };

const production: Decider<ProductionCommand, ProductionEvent, ProductionState> = {
  decide: decideProduction,
  evolve: evolveProduction,
  initial: initialProductionState,
  eventTypes: PRODUCTION_EVENT_TYPES,
};

const p = DEMO.people;
const o = DEMO.organisationId;
const person = (
  personId: string,
  name: string,
  email: string,
  extra: Partial<NewPerson> = {},
): NewPerson => ({
  organisationId: o,
  personId,
  name,
  email,
  password: DEMO.password,
  ...extra,
});

/** Everyone in the demo, with the e-mail they sign in with (README: Demo). */
export const DEMO_PEOPLE: readonly NewPerson[] = [
  person(p.admin, 'Rina Wijaya', 'rina@gema.test', { organisationRoles: ['org_admin'] }),
  person(p.manager, 'Ayu Lestari', 'ayu@gema.test'),
  person(p.finance, 'Budi Santoso', 'budi@gema.test'),
  person(p.showCaller, 'Dewi Anggraini', 'dewi@gema.test'),
  person(p.sound, 'Eko Prasetyo', 'eko@gema.test'),
  person(p.lighting, 'Fajar Nugroho', 'fajar@gema.test'),
  person(p.video, 'Sari Putri', 'sari@gema.test'),
  person(p.stage, 'Joko Susilo', 'joko@gema.test', { locale: 'en' }),
  person(p.client, 'Maya Kusuma', 'maya@sinarcahaya.test', { partyId: DEMO.clientPartyId }),
  person(p.soundVendor, 'Hendra Gunawan', 'hendra@suaraprima.test', { partyId: DEMO.soundVendorId }),
  person(p.lightingVendor, 'Lina Marlina', 'lina@cahayapanggung.test', { partyId: DEMO.lightingVendorId }),
  person(p.secondSoundVendor, 'Rudi Hartono', 'rudi@gelombangsuara.test', {
    partyId: DEMO.secondSoundVendorId,
  }),
];

/** Starts a contract's approval workflow (the seed has no API; `cli/seed.ts` and tests pass one). */
export type StartApproval = (input: ContractApprovalInput) => Promise<unknown>;

/**
 * Seeds the demo organisation with a realistic production: an outdoor concert in Jakarta with its
 * client, vendors, crew, budget and (unless `planning` is false) its plan: timeline, crew shifts,
 * technical preparation and logistics. Written as events through the same commands a user's requests go
 * through, so its history replays like any other. Does nothing when the demo organisation already exists.
 */
export async function seedDemo(
  store: EventStore<Database>,
  options: { startApproval?: StartApproval | undefined; planning?: boolean } = {},
): Promise<'seeded' | 'already-there'> {
  if ((await store.streamVersion(organisationStream(o))) > 0n) return 'already-there';
  await createOrganisation(store, o, 'Gema Nusantara Production');
  for (const demoPerson of DEMO_PEOPLE) await registerPerson(store, demoPerson);

  const manager = `person:${p.manager}`;
  const command = (c: Omit<ProductionCommand, 'metadata'>): ProductionCommand =>
    ({ ...c, metadata: { actor: manager, now: new Date().toISOString() } }) as ProductionCommand;
  const run = async (productionId: string, commands: Omit<ProductionCommand, 'metadata'>[]) => {
    for (const c of commands)
      await handleCommand(store, productionStream(productionId), production, command(c), {
        actor: manager,
        productionId,
      });
  };

  await run(DEMO.concertId, [
    {
      type: 'CreateProduction',
      data: {
        productionId: DEMO.concertId,
        organisationId: o,
        managerId: p.manager,
        name: 'Senandung Senja — Konser Outdoor Jakarta 2027',
        kind: 'concert',
        venue: {
          name: 'Lapangan Banteng',
          address: 'Jl. Lapangan Banteng, Sawah Besar, Jakarta Pusat',
          city: 'Jakarta',
          capacity: 8000,
        },
        startsAt: '2027-03-14T16:00:00+07:00',
        endsAt: '2027-03-14T23:30:00+07:00',
        clientName: 'PT Sinar Cahaya Telekomunikasi',
      },
    },
    {
      type: 'AddMember',
      data: { productionId: DEMO.concertId, personId: p.finance, role: 'finance_approver' },
    },
    {
      type: 'AddMember',
      data: { productionId: DEMO.concertId, personId: p.showCaller, role: 'show_caller' },
    },
    {
      type: 'AddMember',
      data: { productionId: DEMO.concertId, personId: p.sound, role: 'crew', department: 'sound' },
    },
    {
      type: 'AddMember',
      data: { productionId: DEMO.concertId, personId: p.lighting, role: 'crew', department: 'lighting' },
    },
    {
      type: 'AddMember',
      data: { productionId: DEMO.concertId, personId: p.video, role: 'crew', department: 'video' },
    },
    {
      type: 'AddMember',
      data: { productionId: DEMO.concertId, personId: p.stage, role: 'crew', department: 'stage' },
    },
    {
      type: 'AddMember',
      data: { productionId: DEMO.concertId, personId: p.client, role: 'client', partyId: DEMO.clientPartyId },
    },
    {
      type: 'AddMember',
      data: {
        productionId: DEMO.concertId,
        personId: p.soundVendor,
        role: 'vendor',
        partyId: DEMO.soundVendorId,
      },
    },
    {
      type: 'AddMember',
      data: {
        productionId: DEMO.concertId,
        personId: p.lightingVendor,
        role: 'vendor',
        partyId: DEMO.lightingVendorId,
      },
    },
    {
      type: 'AddMember',
      data: {
        productionId: DEMO.concertId,
        personId: p.secondSoundVendor,
        role: 'vendor',
        partyId: DEMO.secondSoundVendorId,
      },
    },
  ]);

  await run(DEMO.launchId, [
    {
      type: 'CreateProduction',
      data: {
        productionId: DEMO.launchId,
        organisationId: o,
        managerId: p.manager,
        name: 'Peluncuran Produk Nusantara X',
        kind: 'product_launch',
        venue: {
          name: 'Ballroom Hotel Mulia',
          address: 'Jl. Asia Afrika, Senayan, Jakarta',
          city: 'Jakarta',
          capacity: 1200,
        },
        startsAt: '2027-05-20T18:30:00+07:00',
        endsAt: '2027-05-20T22:00:00+07:00',
        clientName: 'PT Nusantara Digital',
      },
    },
    {
      type: 'AddMember',
      data: { productionId: DEMO.launchId, personId: p.finance, role: 'finance_approver' },
    },
  ]);
  await seedProcurement(store, options.startApproval);
  if (options.planning ?? true) await seedPlanning(store);
  await seedShow(store);
  return 'seeded';
}
