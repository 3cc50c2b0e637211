import { randomUUID } from 'node:crypto';
import type { ApprovalActor, LineItem, VendorCategory, VendorDetails } from '@panggung/contracts';
import {
  awardedQuote,
  BUDGET_EVENT_TYPES,
  budgetStream,
  contractStream,
  decideBudget,
  decideVendor,
  effectiveApprovalPolicy,
  evolveBudget,
  evolveVendor,
  initialApprovalPolicyState,
  initialBudgetState,
  initialVendorState,
  PPN_11_PERCENT,
  rfqStream,
  VENDOR_EVENT_TYPES,
  vendorStream,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
  type ContractCommand,
  type RfqCommand,
  type VendorCommand,
  type VendorEvent,
  type VendorState,
} from '@panggung/domain';
import type { EventStore } from '@panggung/event-store';
import { handleCommand, type Decider } from '../commands/handle-command.ts';
import { contractDecider, loadState, rfqDecider } from '../contracts/streams.ts';
import type { Database } from '../schema/tables.ts';
import { DEMO } from './demo-ids.ts';
import type { StartApproval } from './demo.ts';

const vendorDecider: Decider<VendorCommand, VendorEvent, VendorState> = {
  decide: decideVendor,
  evolve: evolveVendor,
  initial: initialVendorState,
  eventTypes: VENDOR_EVENT_TYPES,
};
const budgetDecider: Decider<BudgetCommand, BudgetEvent, BudgetState> = {
  decide: decideBudget,
  evolve: evolveBudget,
  initial: initialBudgetState,
  eventTypes: BUDGET_EVENT_TYPES,
};

const p = DEMO.people;
const concert = DEMO.concertId;
const actor = (personId: string, roles: ApprovalActor['roles'], partyId?: string): ApprovalActor => ({
  personId,
  roles,
  ...(partyId ? { partyId } : {}),
});
const ayu = actor(p.manager, ['production_manager']);

const VENDORS: ReadonlyArray<{ id: string; details: VendorDetails }> = [
  {
    id: DEMO.soundVendorId,
    details: {
      name: 'PT Suara Prima Audio',
      category: 'sound',
      contacts: [{ name: 'Hendra Gunawan', phone: '+62 812-8890-1122', email: 'hendra@suaraprima.test' }],
      npwp: '01.234.567.8-901.000',
      address: 'Jl. RS Fatmawati No. 21, Cilandak, Jakarta Selatan',
    },
  },
  {
    id: DEMO.secondSoundVendorId,
    details: {
      name: 'PT Gelombang Suara Nusantara',
      category: 'sound',
      contacts: [{ name: 'Rudi Hartono', phone: '+62 813-1400-7788', email: 'rudi@gelombangsuara.test' }],
      npwp: '02.345.678.9-012.000',
      address: 'Jl. Daan Mogot KM 11, Cengkareng, Jakarta Barat',
    },
  },
  {
    id: DEMO.lightingVendorId,
    details: {
      name: 'CV Cahaya Panggung',
      category: 'lighting',
      contacts: [{ name: 'Lina Marlina', phone: '+62 815-6612-3344', email: 'lina@cahayapanggung.test' }],
      npwp: '03.456.789.0-123.000',
      address: 'Jl. Pramuka Raya No. 8, Matraman, Jakarta Timur',
    },
  },
  {
    id: DEMO.ledVendorId,
    details: {
      name: 'PT Layar Visual Indonesia',
      category: 'led_screens',
      contacts: [{ name: 'Andi Wibowo', phone: '(021) 5550 1234' }],
      address: 'Jl. Gunung Sahari Raya No. 60, Jakarta Utara',
    },
  },
  {
    id: DEMO.stagingVendorId,
    details: {
      name: 'CV Rangka Baja Panggung',
      category: 'staging',
      contacts: [{ name: 'Slamet Riyadi', phone: '+62 821-3300-4455', email: 'slamet@rangkabaja.test' }],
      npwp: '1234567890123456',
    },
  },
];

/** The concert's budget per category, in whole rupiah (sound is tight: its award overruns it). */
const ESTIMATES: ReadonlyArray<[VendorCategory, number]> = [
  ['sound', 300_000_000],
  ['lighting', 275_000_000],
  ['led_screens', 320_000_000],
  ['staging', 400_000_000],
  ['security', 120_000_000],
  ['catering', 85_000_000],
  ['transport', 60_000_000],
];

const SOUND_QUOTES: ReadonlyArray<[string, string, LineItem[]]> = [
  [
    DEMO.soundVendorId,
    p.soundVendor,
    [
      {
        description: 'Line array utama (L-Acoustics K2), rigging termasuk',
        quantity: 1,
        unitPrice: 165_000_000,
      },
      { description: 'Delay tower', quantity: 2, unitPrice: 18_500_000 },
      { description: 'Monitor panggung dan IEM', quantity: 1, unitPrice: 42_000_000 },
      { description: 'Konsol FOH dan monitor', quantity: 2, unitPrice: 12_500_000 },
      { description: 'Kru teknis (per orang, 3 hari)', quantity: 12, unitPrice: 2_750_000 },
    ],
  ],
  [
    DEMO.secondSoundVendorId,
    p.secondSoundVendor,
    [
      { description: 'Line array utama (d&b GSL), rigging termasuk', quantity: 1, unitPrice: 178_000_000 },
      { description: 'Delay tower', quantity: 2, unitPrice: 21_000_000 },
      { description: 'Monitor panggung dan IEM', quantity: 1, unitPrice: 48_000_000 },
      { description: 'Konsol FOH dan monitor', quantity: 2, unitPrice: 14_000_000 },
      { description: 'Kru teknis (per orang, 3 hari)', quantity: 12, unitPrice: 3_000_000 },
    ],
  ],
];

const LIGHTING_LINES: LineItem[] = [
  { description: 'Moving head beam', quantity: 48, unitPrice: 1_750_000 },
  { description: 'Moving head wash', quantity: 36, unitPrice: 1_500_000 },
  { description: 'LED par', quantity: 60, unitPrice: 350_000 },
  { description: 'Konsol grandMA3', quantity: 1, unitPrice: 15_000_000 },
  { description: 'Follow spot dengan operator', quantity: 4, unitPrice: 2_500_000 },
  { description: 'Kru teknis (per orang, 3 hari)', quantity: 8, unitPrice: 2_500_000 },
];

/**
 * The concert's procurement: the vendor directory, budget estimates, a sound RFQ with two quotes and an
 * award, its contract drafted; a lighting RFQ awarded and its contract submitted, so the approval
 * waits at the manager's review (the workflow runs once a worker is up). Through the same commands as
 * the API.
 */
export async function seedProcurement(
  store: EventStore<Database>,
  startApproval: StartApproval | undefined,
): Promise<void> {
  const now = () => new Date().toISOString();
  const exec = async <C extends { type: string; data: object }, E extends { type: string; data: object }, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: Omit<C, 'metadata'>,
    by: string,
    productionId?: string,
  ) =>
    handleCommand(
      store,
      streamId,
      decider,
      { ...command, metadata: { actor: by, now: now() } } as unknown as C,
      {
        actor: `person:${by}`,
        ...(productionId ? { productionId } : {}),
      },
    );

  for (const { id, details } of VENDORS)
    await exec(
      vendorStream(id),
      vendorDecider,
      { type: 'RegisterVendor', data: { organisationId: DEMO.organisationId, vendorId: id, details } },
      p.manager,
    );
  for (const [category, estimate] of ESTIMATES)
    await exec(
      budgetStream(concert),
      budgetDecider,
      { type: 'SetBudgetEstimate', data: { productionId: concert, category, estimate } },
      p.manager,
      concert,
    );

  // Quotes are due mid-January 2027, or in two weeks once that has passed.
  const deadline = new Date(
    Math.max(Date.parse('2027-01-15T17:00:00+07:00'), Date.now() + 14 * 86_400_000),
  ).toISOString();
  const rfq = (rfqId: string, command: Omit<RfqCommand, 'metadata'>, by: string) =>
    exec(rfqStream(rfqId), rfqDecider, command, by, concert);

  await rfq(
    DEMO.soundRfqId,
    {
      type: 'IssueRfq',
      data: {
        productionId: concert,
        rfqId: DEMO.soundRfqId,
        category: 'sound',
        title: 'Sistem tata suara — Senandung Senja',
        description:
          'PA untuk 8.000 penonton di lapangan terbuka, delay tower, monitor, kru 3 hari (loading, GR, show).',
        vendors: SOUND_QUOTES.map(([vendorId]) => ({ vendorId, category: 'sound' as const })),
        deadline,
        issuedBy: p.manager,
      },
    },
    p.manager,
  );
  const soundQuoteIds: string[] = [];
  for (const [vendorId, personId, lines] of SOUND_QUOTES) {
    const quoteId = randomUUID();
    soundQuoteIds.push(quoteId);
    await rfq(
      DEMO.soundRfqId,
      {
        type: 'SubmitQuote',
        data: {
          rfqId: DEMO.soundRfqId,
          quoteId,
          vendorId,
          lines,
          taxRate: PPN_11_PERCENT,
          submittedBy: personId,
        },
      },
      personId,
    );
  }
  await rfq(
    DEMO.soundRfqId,
    {
      type: 'AwardQuote',
      data: { rfqId: DEMO.soundRfqId, quoteId: soundQuoteIds[0]!, awardedBy: p.manager },
    },
    p.manager,
  );

  await rfq(
    DEMO.lightingRfqId,
    {
      type: 'IssueRfq',
      data: {
        productionId: concert,
        rfqId: DEMO.lightingRfqId,
        category: 'lighting',
        title: 'Tata cahaya panggung utama',
        vendors: [{ vendorId: DEMO.lightingVendorId, category: 'lighting' }],
        deadline,
        issuedBy: p.manager,
      },
    },
    p.manager,
  );
  const lightingQuoteId = randomUUID();
  await rfq(
    DEMO.lightingRfqId,
    {
      type: 'SubmitQuote',
      data: {
        rfqId: DEMO.lightingRfqId,
        quoteId: lightingQuoteId,
        vendorId: DEMO.lightingVendorId,
        lines: LIGHTING_LINES,
        taxRate: PPN_11_PERCENT,
        submittedBy: p.lightingVendor,
      },
    },
    p.lightingVendor,
  );
  await rfq(
    DEMO.lightingRfqId,
    {
      type: 'AwardQuote',
      data: { rfqId: DEMO.lightingRfqId, quoteId: lightingQuoteId, awardedBy: p.manager },
    },
    p.manager,
  );

  const draft = async (contractId: string, rfqId: string, downPaymentShare: number) => {
    const award = awardedQuote(await loadState(store, rfqStream(rfqId), rfqDecider));
    const downPayment = Math.floor(award.terms.total * downPaymentShare);
    const command: Omit<ContractCommand, 'metadata'> = {
      type: 'DraftContract',
      data: {
        contractId,
        organisationId: DEMO.organisationId,
        award,
        milestones: [
          { kind: 'down_payment', amount: downPayment, dueOn: '2027-02-15' },
          { kind: 'settlement', amount: award.terms.total - downPayment, dueOn: '2027-03-21' },
        ],
        by: ayu,
      },
    };
    await exec(contractStream(contractId), contractDecider, command, p.manager, concert);
  };
  await draft(DEMO.soundContractId, DEMO.soundRfqId, 0.3);

  // A fresh id per seed: each database's demo has its own approval workflow (ids are per contract version).
  const lightingContractId = randomUUID();
  await draft(lightingContractId, DEMO.lightingRfqId, 0.5);
  await startApproval?.({
    contractId: lightingContractId,
    contractVersion: 1,
    submittedBy: ayu,
    approvers: {
      manager_review: ayu,
      finance_overrun: actor(p.finance, ['finance_approver']),
      client_approval: actor(p.client, ['client'], DEMO.clientPartyId),
    },
    policy: effectiveApprovalPolicy(initialApprovalPolicyState, p.manager),
  });
}
