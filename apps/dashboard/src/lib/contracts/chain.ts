import type {
  ContractStatus,
  ContractView,
  HumanApprovalStep,
  Role,
  TimelineEntry,
} from '@panggung/contracts';

/** The stations of the approval chain as the contract page draws them. */
export type Station = 'manager_review' | 'budget_check' | 'finance_overrun' | 'client_approval' | 'signed';
export type StationState = 'done' | 'current' | 'upcoming' | 'stopped' | 'skipped';

const HUMAN_STEPS: readonly string[] = ['manager_review', 'finance_overrun', 'client_approval'];
export const isHumanStep = (step: string | undefined): step is HumanApprovalStep =>
  step !== undefined && HUMAN_STEPS.includes(step);

const INTERNAL: readonly Role[] = [
  'org_admin',
  'production_manager',
  'finance_approver',
  'crew',
  'show_caller',
];
const MANAGING: readonly Role[] = ['org_admin', 'production_manager'];
export const isInternal = (roles: readonly Role[]) => roles.some((role) => INTERNAL.includes(role));

/** The entries of the latest round (the one the chain is in, or ended in). */
function latestRound(view: Pick<ContractView, 'round' | 'timeline'>): TimelineEntry[] {
  return view.timeline.filter((entry) => entry.round === view.round && view.round > 0);
}

/**
 * The chain of the current round, station by station: what is done, where it stands, what is still to
 * come, where it stopped (rejected, sent back, withdrawn) and what this contract skips (the finance step
 * when the budget check passed, the client when the amount is under the threshold). A vendor or client
 * does not see the internal stations (budget check, finance), so they are left out for them.
 */
export function chainStations(
  view: Pick<ContractView, 'round' | 'timeline' | 'status' | 'step' | 'clientApprovalRequired'>,
  roles: readonly Role[],
): { station: Station; state: StationState }[] {
  const entries = latestRound(view);
  const internal = isInternal(roles);
  const approved = new Set(entries.filter((e) => e.outcome === 'approved').map((e) => e.step));
  const passed = entries.some((e) => e.outcome === 'passed');
  const overrun = entries.some((e) => e.outcome === 'overrun');
  const stoppedAt = entries.find((e) => ['rejected', 'sent_back', 'withdrawn'].includes(e.outcome))?.step;
  const clientOpened = entries.some((e) => e.step === 'client_approval');
  const clientNeeded =
    view.clientApprovalRequired ?? (clientOpened || roles.includes('client') ? true : undefined);

  const stations: Station[] = internal
    ? ['manager_review', 'budget_check', 'finance_overrun', 'client_approval', 'signed']
    : ['manager_review', 'client_approval', 'signed'];
  const shown = stations
    .filter((station) => !(station === 'client_approval' && clientNeeded === undefined && !internal))
    .map((station) => {
      let state: StationState = 'upcoming';
      if (station === 'signed') state = view.status === 'signed' ? 'done' : 'upcoming';
      else if (station === 'budget_check') state = passed || overrun ? 'done' : 'upcoming';
      else if (approved.has(station)) state = 'done';
      if (station === 'finance_overrun' && passed) state = 'skipped';
      if (station === 'client_approval' && clientNeeded === false) state = 'skipped';
      if (view.status === 'in_approval' && view.step === station) state = 'current';
      if (stoppedAt === station) state = 'stopped';
      if (view.round === 0 && station !== 'signed') state = 'upcoming';
      return { station, state };
    });
  // What comes before the current station (or the signature) was passed, even where the viewer does not
  // see its events (a client never sees the manager's approval).
  const reached = shown.findIndex(
    (s) => s.state === 'current' || (s.station === 'signed' && s.state === 'done'),
  );
  return shown.map((s, i) => (i < reached && s.state === 'upcoming' ? { ...s, state: 'done' } : s));
}

/** What the signed-in person may do with the contract now (the API judges again; this only offers). */
export interface ContractActions {
  readonly approve: boolean;
  readonly reject: boolean;
  readonly sendBack: boolean;
  readonly delegate: boolean;
  readonly withdraw: boolean;
  readonly submit: boolean;
  readonly revise: boolean;
}

const OPEN: readonly ContractStatus[] = ['draft', 'in_approval', 'changes_requested'];

export function contractActions(
  view: Pick<ContractView, 'status' | 'step' | 'assignee' | 'vendor'>,
  me: string,
  roles: readonly Role[],
  partyId: string | undefined,
): ContractActions {
  const managing = roles.some((role) => MANAGING.includes(role));
  const ownVendor = partyId !== undefined && partyId === view.vendor.id && roles.includes('vendor');
  const atHumanStep = view.status === 'in_approval' && isHumanStep(view.step);
  const mine = atHumanStep && view.assignee?.id === me && !ownVendor;
  return {
    approve: mine,
    reject: mine,
    sendBack: mine,
    delegate: atHumanStep && !ownVendor && (mine || managing),
    withdraw: managing && OPEN.includes(view.status),
    submit: managing && view.status === 'draft',
    revise: (managing || ownVendor) && (view.status === 'draft' || view.status === 'changes_requested'),
  };
}

/** The timeline grouped by round, oldest first: round 0 is the drafting before the first submission. */
export function timelineRounds(
  timeline: readonly TimelineEntry[],
): { round: number; entries: TimelineEntry[] }[] {
  const rounds: { round: number; entries: TimelineEntry[] }[] = [];
  for (const entry of timeline) {
    // A revision after a send-back belongs with the round it answers, as people read it.
    const last = rounds.at(-1);
    if (last && (last.round === entry.round || entry.round < last.round)) last.entries.push(entry);
    else rounds.push({ round: entry.round, entries: [entry] });
  }
  return rounds;
}
