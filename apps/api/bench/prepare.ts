/**
 * Contracts waiting at the production manager's review, made through the API as people would: the
 * manager issues an RFQ to one vendor, the vendor's person quotes, the manager awards it, drafts the
 * contract and submits it; the contract is ready when `ApprovalStepOpened` (manager_review) arrives on
 * the manager's live feed. Sound (Hendra) and lighting (Lina) alternate; subtotals of Rp 30,000,000 and
 * Rp 60,000,000 (with 11 % tax: below and above the default client threshold of Rp 50,000,000)
 * alternate in pairs, so all four combinations occur.
 */
import { DEMO } from '../src/seed/demo-ids.ts';
import type { Person } from './http.ts';
import { eventKey, type LiveFeed } from './live.ts';

export interface PreparedContract {
  readonly id: string;
  readonly total: number;
}

export interface People {
  readonly manager: Person;
  readonly finance: Person;
  readonly client: Person;
  readonly soundVendor: Person;
  readonly lightingVendor: Person;
}

export interface Preparation {
  readonly contracts: PreparedContract[];
  readonly ms: number;
  /** Response times per call (ms), and submit → manager_review opened on the live feed. */
  readonly timings: Record<'rfq' | 'quote' | 'award' | 'draft' | 'submit' | 'opened', number[]>;
}

const concert = `/api/productions/${DEMO.concertId}`;

export async function prepareContracts(
  people: People,
  feed: LiveFeed,
  count: number,
  lanes: number,
): Promise<Preparation> {
  const timings: Preparation['timings'] = {
    rfq: [],
    quote: [],
    award: [],
    draft: [],
    submit: [],
    opened: [],
  };
  const contracts = new Array<PreparedContract>(count);
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const { manager } = people;

  async function prepareOne(index: number): Promise<void> {
    const sound = index % 2 === 0;
    const vendor = sound ? people.soundVendor : people.lightingVendor;
    const subtotal = Math.floor(index / 2) % 2 === 0 ? 30_000_000 : 60_000_000;
    const rfq = await manager.post<{ id: string }>(
      `${concert}/rfqs`,
      {
        category: sound ? 'sound' : 'lighting',
        title: `Bench ${sound ? 'sound' : 'lighting'} ${index + 1}`,
        vendorIds: [sound ? DEMO.soundVendorId : DEMO.lightingVendorId],
        deadline,
      },
      201,
    );
    timings.rfq.push(rfq.ms);
    const rfqId = rfq.body.id;
    const quote = await vendor.post<{ id: string; terms: { total: number } }>(
      `/api/rfqs/${rfqId}/quotes`,
      {
        lines: [{ description: `Paket bench ${index + 1}`, quantity: 1, unitPrice: subtotal }],
        taxRate: 1100,
      },
      201,
    );
    timings.quote.push(quote.ms);
    const award = await manager.post(`/api/rfqs/${rfqId}/award`, { quoteId: quote.body.id }, 200);
    timings.award.push(award.ms);
    const total = quote.body.terms.total;
    const draft = await manager.post<{ id: string }>(
      `${concert}/contracts`,
      { rfqId, milestones: [{ kind: 'settlement', amount: total, dueOn: '2027-03-21' }] },
      201,
    );
    timings.draft.push(draft.ms);
    const id = draft.body.id;
    const opened = feed.waitFor(eventKey('ApprovalStepOpened', id, 'manager_review'), 60_000);
    const submit = await manager.post(`/api/contracts/${id}/submit`, { contractVersion: 1 }, 202);
    timings.submit.push(submit.ms);
    timings.opened.push((await opened).at - submit.sentAt);
    contracts[index] = { id, total };
  }

  const began = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < count) await prepareOne(next++);
    }),
  );
  return { contracts, ms: performance.now() - began, timings };
}
