/** One table a projection writes, and the columns a rebuild cannot reproduce (so not compared). */
export interface ProjectedTable {
  readonly name: string;
  /** Filled from the clock or a sequence when applied, not from the events. */
  readonly volatileColumns?: readonly string[];
}

/**
 * The tables each projection of `services/projections.ts` owns, keyed by projection name: a rebuild
 * creates shadow copies of exactly these. Kept beside the rebuild rather than on `Projection` so the
 * event store's interface stays as it is; a projection missing here cannot be rebuilt, and one that
 * writes a table not listed here fails its rebuild (the write guard in `rebuild.ts`), never the live data.
 */
export const projectionTables: Readonly<Record<string, readonly ProjectedTable[]>> = {
  organisations: [{ name: 'organisations' }, { name: 'people' }],
  productions: [{ name: 'productions' }, { name: 'production_members' }],
  vendors: [{ name: 'vendors' }],
  rfqs: [{ name: 'rfqs' }, { name: 'quotes' }],
  contracts: [{ name: 'contracts' }, { name: 'contract_timeline' }],
  approvals: [{ name: 'approval_policies' }, { name: 'approval_inbox' }],
  budget: [{ name: 'budget_lines' }],
  communication: [{ name: 'comments' }, { name: 'notifications', volatileColumns: ['seq'] }],
  timeline: [{ name: 'timeline_tasks' }, { name: 'timeline_dependencies' }],
  logistics: [
    { name: 'logistics_venues' },
    { name: 'logistics_equipment' },
    { name: 'logistics_runs' },
    { name: 'logistics_windows' },
  ],
  technical: [{ name: 'technical_views' }],
  crew: [{ name: 'crew_shifts', volatileColumns: ['updated_at'] }, { name: 'crew_unavailability' }],
  show: [{ name: 'show_days', volatileColumns: ['updated_at'] }],
  incidents: [{ name: 'incident_views' }],
  'audit-snapshots': [{ name: 'audit_snapshots' }, { name: 'audit_snapshot_heads' }],
};
