import * as Contracts from '@panggung/contracts';
import * as Domain from '@panggung/domain';
import type { StoredEvent } from '@panggung/event-store';
import { describe, expect, it } from 'vitest';
import { productionOf } from './live-event.ts';

/**
 * The live stream reaches a production's subscribers only with events `productionOf` can place. Every
 * event of a production's capabilities carries its `productionId` in its payload (contracts and RFQs
 * have streams of their own id, show days `show-<productionId>-<day>`, so the stream id is no help).
 */
type Schemas = Readonly<Record<string, unknown>>;
const PRODUCTION_SCOPED: ReadonlyArray<readonly [string, ReadonlySet<string>, Schemas]> = [
  ['production', Domain.PRODUCTION_EVENT_TYPES, Contracts.ProductionEvents],
  ['rfq', Domain.RFQ_EVENT_TYPES, Contracts.ContractEvents],
  ['contract', Domain.CONTRACT_EVENT_TYPES, Contracts.ContractEvents],
  // Its schema sits with the policy's other types, not in ContractEvents.
  ['approval-policy', Domain.APPROVAL_POLICY_EVENT_TYPES, Contracts],
  ['budget', Domain.BUDGET_EVENT_TYPES, Contracts.BudgetEvents],
  ['timeline', Domain.TIMELINE_EVENT_TYPES, Contracts.TimelineEvents],
  ['crew', Domain.CREW_EVENT_TYPES, Contracts.CrewEvents],
  ['comments', Domain.COMMENT_EVENT_TYPES, Contracts.CommunicationEvents],
  ['logistics', Domain.LOGISTICS_EVENT_TYPES, Contracts.LogisticsEvents],
  ['technical', Domain.TECHNICAL_EVENT_TYPES, Contracts.TechnicalEvents],
  ['phases', Domain.PHASES_EVENT_TYPES, Contracts.PhaseEvents],
  ['rundown', Domain.RUNDOWN_EVENT_TYPES, Contracts.ShowEvents],
  ['show', Domain.SHOW_EVENT_TYPES, Contracts.ShowEvents],
  ['incidents', Domain.INCIDENT_EVENT_TYPES, Contracts.IncidentEvents],
  ['checkin', Domain.CHECKIN_EVENT_TYPES, Contracts.CheckinEvents],
];
/** An organisation's, a vendor's and a person's own streams: no production to reach. */
const NOT_PRODUCTION_SCOPED: ReadonlySet<ReadonlySet<string>> = new Set([
  Domain.ORGANISATION_EVENT_TYPES,
  Domain.VENDOR_EVENT_TYPES,
  Domain.NOTIFICATION_EVENT_TYPES,
]);

const productionId = '6a1f0c2e-0000-4000-8000-0000000000c1';
const otherId = '6a1f0c2e-0000-4000-8000-00000000c0a1';
const stored = (streamId: string, type: string, data: object, metadata: object = {}): StoredEvent =>
  ({
    id: otherId,
    streamId,
    streamVersion: 1n,
    position: 1n,
    transactionId: 1n,
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: 'person:x', recordedAt: '2027-03-01T00:00:00.000Z', ...metadata },
    hash: '',
    checkpoint: { transactionId: 1n, position: 1n },
  }) as StoredEvent;

const cases = PRODUCTION_SCOPED.flatMap(([capability, types, schemas]) =>
  [...types].map((type) => [capability, type, schemas] as const),
);

describe('the live reach of production events', () => {
  it('knows of every capability whether its events belong to a production', () => {
    const sets = Object.entries(Domain)
      .filter(([name]) => name.endsWith('_EVENT_TYPES'))
      .map(([name, set]) => [name, set as ReadonlySet<string>] as const);
    expect(sets.length).toBeGreaterThan(10);
    const known = new Set([...PRODUCTION_SCOPED.map(([, set]) => set), ...NOT_PRODUCTION_SCOPED]);
    expect(sets.filter(([, set]) => !known.has(set)).map(([name]) => name)).toEqual([]);
  });

  it.each(cases)('%s: %s requires a productionId in its payload', (capability, type, schemas) => {
    const schema = schemas[type] as
      { required?: readonly string[]; properties?: Record<string, { format?: string }> } | undefined;
    expect(schema, `no payload schema named ${type}`).toBeDefined();
    expect(schema?.required).toContain('productionId');
    expect(schema?.properties?.productionId?.format).toBe('uuid');
    // Placed by its payload whatever its stream is called.
    expect(productionOf(stored(`${capability}-${otherId}`, type, { productionId }))).toBe(productionId);
  });

  it('places an event by its metadata first, then its payload, then a production stream’s id', () => {
    expect(
      productionOf(stored(`contract-${otherId}`, 'X', { productionId: otherId }, { productionId })),
    ).toBe(productionId);
    expect(productionOf(stored(`production-${productionId}`, 'X', {}))).toBe(productionId);
    expect(productionOf(stored(`crew-${productionId}`, 'X', {}))).toBeUndefined();
  });
});
