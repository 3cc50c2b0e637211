import type {
  ApprovalStep,
  AuditChange,
  BudgetEvents,
  ContractEvents,
  CrewEvents,
  Locale,
  ProductionEvents,
  ProductionStatus,
  ShowEvents,
} from '@panggung/contracts';
import { EVENT_LABELS } from './change-labels.ts';
import { AuditFolder, type AuditEvent, type AuditFold } from './time-travel.ts';

/** What the change list is asked for: the range of instants, the language and people's names. */
export interface ChangeOptions {
  /** Exclusive; absent: from the first event. */
  readonly from?: string | undefined;
  /** Inclusive; absent: up to the last event given. */
  readonly to?: string | undefined;
  readonly lang: Locale;
  /** Person id → name, as the API resolved them; an unknown id is shown as it is. */
  readonly names: ReadonlyMap<string, string>;
}

const PERSON = 'person:';

/**
 * Every person id the change list may name: the actors and the people in the events' data, so the API
 * can look their names up in one query.
 */
export function peopleIn(events: Iterable<AuditEvent>): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown, key: string, depth: number): void => {
    if (typeof value === 'string') {
      if ((key.endsWith('By') || PERSON_KEYS.has(key)) && UUID.test(value)) ids.add(value);
    } else if (typeof value === 'object' && value !== null && depth < 4)
      for (const [k, v] of Object.entries(value)) visit(v, k, depth + 1);
  };
  for (const event of events) {
    if (event.actor.startsWith(PERSON)) ids.add(event.actor.slice(PERSON.length));
    visit(event.data, '', 0);
  }
  return [...ids];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Data fields that name a person besides the `…By` ones. */
const PERSON_KEYS: ReadonlySet<string> = new Set([
  'personId',
  'byPersonId',
  'assigneeId',
  'escalatedTo',
  'to',
  'from',
]);

/**
 * The list of changes: one entry per event recorded after `from` and up to `to`, oldest first, each with
 * who made it and a sentence naming the item. Events before `from` are folded only to know what the
 * items were called (a contract is named by its RFQ's title). `fold` may start from a snapshot of the
 * events before `events` (all recorded at or before `from`, so none of them is a change in the range);
 * it is folded on in place.
 *
 * @example
 * changesBetween(events, { from, to, lang: 'id', names })[0].summary
 * // 'Kontrak Sistem tata suara disetujui oleh Budi Santoso (langkah keuangan)'
 */
export function changesBetween(
  events: Iterable<AuditEvent>,
  options: ChangeOptions,
  fold: AuditFolder = new AuditFolder(''),
): AuditChange[] {
  const from = options.from === undefined ? -Infinity : Date.parse(options.from);
  const to = options.to === undefined ? Infinity : Date.parse(options.to);
  const changes: AuditChange[] = [];
  for (const event of events) {
    fold.apply(event);
    const at = Date.parse(event.recordedAt);
    if (at <= from || at > to) continue;
    const actorId = event.actor.startsWith(PERSON) ? event.actor.slice(PERSON.length) : undefined;
    changes.push({
      position: event.position,
      streamId: event.streamId,
      type: event.type,
      recordedAt: event.recordedAt,
      actor: event.actor,
      actorName: actorId === undefined ? null : (options.names.get(actorId) ?? null),
      summary: summarise(event, fold, options),
    });
  }
  return changes;
}

type Text = Readonly<Record<Locale, string>>;

const STEP: Readonly<Record<ApprovalStep, Text>> = {
  manager_review: { id: 'langkah manajer', en: 'manager step' },
  budget_check: { id: 'cek anggaran', en: 'budget check' },
  finance_overrun: { id: 'langkah keuangan', en: 'finance step' },
  client_approval: { id: 'langkah klien', en: 'client step' },
};

const PHASE: Readonly<Record<ProductionStatus, Text>> = {
  planning: { id: 'perencanaan', en: 'planning' },
  pre_production: { id: 'pra-produksi', en: 'pre-production' },
  technical_rehearsal: { id: 'gladi teknis', en: 'technical rehearsal' },
  show_day: { id: 'hari pertunjukan', en: 'show day' },
  wrap_up: { id: 'penutupan', en: 'wrap-up' },
  closed: { id: 'selesai', en: 'closed' },
};

/** Whole rupiah as `Rp 12.500.000` in both languages, like the dashboard. */
const rupiah = (amount: number): string => `Rp ${Math.trunc(amount).toLocaleString('id-ID')}`;

/** `ContractSentBack` → `Contract sent back`: the fallback for events without their own sentence. */
export function humaniseEventType(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Event types with a sentence of their own below; the others take theirs from `EVENT_LABELS`. */
export const DETAILED_CHANGES: ReadonlySet<string> = new Set([
  'ProductionCreated',
  'ProductionDetailsUpdated',
  'MemberAdded',
  'MemberRemoved',
  'ProductionPhaseChanged',
  'ProductionClosed',
  'BudgetEstimateSet',
  'BudgetCommitted',
  'PaymentRecorded',
  'BudgetAlertRaised',
  'BudgetOverrunApproved',
  'RfqIssued',
  'ContractDrafted',
  'ContractRevised',
  'ContractSubmitted',
  'ApprovalStepOpened',
  'ApprovalStepApproved',
  'BudgetCheckPassed',
  'BudgetOverrunFlagged',
  'ContractRejected',
  'ContractSentBack',
  'ApprovalStepDelegated',
  'ApprovalReminderSent',
  'ApprovalEscalated',
  'ContractWithdrawn',
  'ContractSigned',
  'ShiftAssigned',
  'ShiftRescheduled',
  'ShiftRemoved',
  'CallSheetPublished',
  'CallAcknowledged',
  'ShowRunFrozen',
  'CueStarted',
  'ShowHeld',
  'ShowResumed',
  'ShowEnded',
]);

function summarise(event: AuditEvent, fold: AuditFold, { lang, names }: ChangeOptions): string {
  const name = (id: string | undefined) => (id === undefined ? '?' : (names.get(id) ?? id));
  const say = (id: string, en: string) => (lang === 'id' ? id : en);
  const step = (s: ApprovalStep) => STEP[s][lang];
  const contract = (data: { contractId: string }) => {
    const state = fold.contracts.get(data.contractId);
    const title =
      state && state.status !== 'none'
        ? (fold.rfqTitles.get(state.rfqId) ?? state.category)
        : data.contractId;
    return say(`Kontrak ${title}`, `Contract ${title}`);
  };
  switch (event.type) {
    case 'ProductionCreated': {
      const { details } = event.data as ProductionEvents.ProductionCreated;
      return say(`Produksi ${details.name} dibuat`, `Production ${details.name} created`);
    }
    case 'ProductionDetailsUpdated': {
      const fields = Object.keys((event.data as ProductionEvents.ProductionDetailsUpdated).changes).join(
        ', ',
      );
      return say(`Detail produksi diubah (${fields})`, `Production details changed (${fields})`);
    }
    case 'MemberAdded': {
      const { personId, role } = event.data as ProductionEvents.MemberAdded;
      return say(`${name(personId)} ditambahkan sebagai ${role}`, `${name(personId)} added as ${role}`);
    }
    case 'MemberRemoved': {
      const { personId, role } = event.data as ProductionEvents.MemberRemoved;
      return say(`${name(personId)} dikeluarkan dari ${role}`, `${name(personId)} removed as ${role}`);
    }
    case 'ProductionPhaseChanged': {
      const { from, to, forced } = event.data as ProductionEvents.ProductionPhaseChanged;
      const base = say(
        `Fase berubah dari ${PHASE[from].id} ke ${PHASE[to].id}`,
        `Phase moved from ${PHASE[from].en} to ${PHASE[to].en}`,
      );
      return forced
        ? `${base} ${say(`(dipaksa oleh ${name(forced.byPersonId)}: ${forced.reason})`, `(forced by ${name(forced.byPersonId)}: ${forced.reason})`)}`
        : base;
    }
    case 'ProductionClosed':
      return say('Produksi ditutup', 'Production closed');
    case 'BudgetEstimateSet': {
      const { category, estimate } = event.data as BudgetEvents.BudgetEstimateSet;
      return say(
        `Estimasi anggaran ${category} menjadi ${rupiah(estimate)}`,
        `Budget estimate of ${category} set to ${rupiah(estimate)}`,
      );
    }
    case 'BudgetCommitted': {
      const { category, amount } = event.data as BudgetEvents.BudgetCommitted;
      return say(
        `${rupiah(amount)} dikomitmenkan pada anggaran ${category}`,
        `${rupiah(amount)} committed to the ${category} budget`,
      );
    }
    case 'PaymentRecorded': {
      const { category, amount } = event.data as BudgetEvents.PaymentRecorded;
      return say(
        `Pembayaran ${rupiah(amount)} dicatat (${category})`,
        `Payment of ${rupiah(amount)} recorded (${category})`,
      );
    }
    case 'BudgetAlertRaised': {
      const { category } = event.data as BudgetEvents.BudgetAlertRaised;
      return say(`Anggaran ${category} melewati estimasi`, `The ${category} budget went over its estimate`);
    }
    case 'BudgetOverrunApproved': {
      const { category, approvedBy, reason } = event.data as BudgetEvents.BudgetOverrunApproved;
      return say(
        `Kelebihan anggaran ${category} disetujui oleh ${name(approvedBy)}: ${reason}`,
        `Overrun of ${category} approved by ${name(approvedBy)}: ${reason}`,
      );
    }
    case 'RfqIssued': {
      const { title } = event.data as ContractEvents.RfqIssued;
      return say(`Permintaan penawaran ${title} diterbitkan`, `Request for quotation ${title} issued`);
    }
    case 'ContractDrafted': {
      const d = event.data as ContractEvents.ContractDrafted;
      return say(
        `${contract(d)} dirancang oleh ${name(d.draftedBy)} (${rupiah(d.terms.total)})`,
        `${contract(d)} drafted by ${name(d.draftedBy)} (${rupiah(d.terms.total)})`,
      );
    }
    case 'ContractRevised': {
      const d = event.data as ContractEvents.ContractRevised;
      return say(
        `${contract(d)} direvisi menjadi versi ${d.version} oleh ${name(d.revisedBy)}`,
        `${contract(d)} revised to version ${d.version} by ${name(d.revisedBy)}`,
      );
    }
    case 'ContractSubmitted': {
      const d = event.data as ContractEvents.ContractSubmitted;
      return say(
        `${contract(d)} diajukan untuk persetujuan oleh ${name(d.submittedBy)}`,
        `${contract(d)} submitted for approval by ${name(d.submittedBy)}`,
      );
    }
    case 'ApprovalStepOpened': {
      const d = event.data as ContractEvents.ApprovalStepOpened;
      return say(`${contract(d)} menunggu ${step(d.step)}`, `${contract(d)} awaits the ${step(d.step)}`);
    }
    case 'ApprovalStepApproved': {
      const d = event.data as ContractEvents.ApprovalStepApproved;
      return say(
        `${contract(d)} disetujui oleh ${name(d.approvedBy)} (${step(d.step)})`,
        `${contract(d)} approved by ${name(d.approvedBy)} (${step(d.step)})`,
      );
    }
    case 'BudgetCheckPassed': {
      const d = event.data as ContractEvents.BudgetCheckPassed;
      return say(`${contract(d)} lolos cek anggaran`, `${contract(d)} passed the budget check`);
    }
    case 'BudgetOverrunFlagged': {
      const d = event.data as ContractEvents.BudgetOverrunFlagged;
      return say(
        `${contract(d)} melebihi anggaran ${d.category} sebesar ${rupiah(-d.remainingAfter)}`,
        `${contract(d)} would overrun the ${d.category} budget by ${rupiah(-d.remainingAfter)}`,
      );
    }
    case 'ContractRejected': {
      const d = event.data as ContractEvents.ContractRejected;
      return say(
        `${contract(d)} ditolak oleh ${name(d.rejectedBy)} (${step(d.step)}): ${d.reason}`,
        `${contract(d)} rejected by ${name(d.rejectedBy)} (${step(d.step)}): ${d.reason}`,
      );
    }
    case 'ContractSentBack': {
      const d = event.data as ContractEvents.ContractSentBack;
      return say(
        `${contract(d)} dikembalikan oleh ${name(d.sentBackBy)} (${step(d.step)}): ${d.reason}`,
        `${contract(d)} sent back by ${name(d.sentBackBy)} (${step(d.step)}): ${d.reason}`,
      );
    }
    case 'ApprovalStepDelegated': {
      const d = event.data as ContractEvents.ApprovalStepDelegated;
      return say(
        `${step(d.step)} ${contract(d)} didelegasikan oleh ${name(d.delegatedBy)} kepada ${name(d.to)}`,
        `${step(d.step)} of ${contract(d)} delegated by ${name(d.delegatedBy)} to ${name(d.to)}`,
      );
    }
    case 'ApprovalReminderSent': {
      const d = event.data as ContractEvents.ApprovalReminderSent;
      return say(
        `${name(d.assigneeId)} diingatkan tentang ${contract(d)} (${step(d.step)})`,
        `${name(d.assigneeId)} reminded of ${contract(d)} (${step(d.step)})`,
      );
    }
    case 'ApprovalEscalated': {
      const d = event.data as ContractEvents.ApprovalEscalated;
      return say(`${contract(d)} dieskalasi (${step(d.step)})`, `${contract(d)} escalated (${step(d.step)})`);
    }
    case 'ContractWithdrawn': {
      const d = event.data as ContractEvents.ContractWithdrawn;
      return say(
        `${contract(d)} ditarik oleh ${name(d.withdrawnBy)}`,
        `${contract(d)} withdrawn by ${name(d.withdrawnBy)}`,
      );
    }
    case 'ContractSigned': {
      const d = event.data as ContractEvents.ContractSigned;
      return say(
        `${contract(d)} ditandatangani (${rupiah(d.total)})`,
        `${contract(d)} signed (${rupiah(d.total)})`,
      );
    }
    case 'ShiftAssigned':
    case 'ShiftRescheduled': {
      const { shift } = event.data as CrewEvents.ShiftAssigned;
      const what =
        event.type === 'ShiftAssigned'
          ? say('dijadwalkan', 'scheduled')
          : say('dijadwal ulang', 'rescheduled');
      return say(
        `${name(shift.personId)} ${what}: panggilan ${shift.callAt} di ${shift.location}`,
        `${name(shift.personId)} ${what}: call ${shift.callAt} at ${shift.location}`,
      );
    }
    case 'ShiftRemoved':
      return say('Shift dihapus', 'Shift removed');
    case 'CallSheetPublished': {
      const { day, version } = event.data as CrewEvents.CallSheetPublished;
      return say(
        `Lembar panggilan ${day} diterbitkan (versi ${version})`,
        `Call sheet ${day} published (version ${version})`,
      );
    }
    case 'CallAcknowledged': {
      const { day, personId } = event.data as CrewEvents.CallAcknowledged;
      return say(
        `${name(personId)} mengonfirmasi panggilan ${day}`,
        `${name(personId)} acknowledged the call of ${day}`,
      );
    }
    case 'ShowRunFrozen': {
      const { showDay } = event.data as ShowEvents.ShowRunFrozen;
      return say(`Pertunjukan ${showDay} dimulai`, `Show ${showDay} started`);
    }
    case 'CueStarted': {
      const { showDay, cueId } = event.data as ShowEvents.CueStarted;
      const cue = cueTitle(fold, showDay, cueId);
      return say(`GO: ${cue} (${showDay})`, `GO: ${cue} (${showDay})`);
    }
    case 'ShowHeld':
      return say('Pertunjukan ditahan', 'Show held');
    case 'ShowResumed':
      return say('Pertunjukan dilanjutkan', 'Show resumed');
    case 'ShowEnded':
      return say('Pertunjukan selesai', 'Show ended');
    default:
      return EVENT_LABELS[event.type]?.[lang] ?? humaniseEventType(event.type);
  }
}

function cueTitle(fold: AuditFold, showDay: string, cueId: string): string {
  const show = fold.shows.get(showDay);
  if (!show || show.status === 'none') return cueId;
  return show.run.cues.find((c) => c.cueId === cueId)?.title ?? cueId;
}
