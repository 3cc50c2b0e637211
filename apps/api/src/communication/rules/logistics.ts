import type { NotificationKind, NotificationPayload, TransportRun } from '@panggung/contracts';
import {
  assertNever,
  evolveLogistics,
  initialLogisticsState,
  type LogisticsEvent,
  type LogisticsState,
} from '@panggung/domain';
import { actorPerson, type NotificationRules } from './rule.ts';

/** A driver to tell about a run. */
export interface TransportNotice {
  readonly personId: string;
  readonly kind: Extract<NotificationKind, 'transport.assigned' | 'transport.cancelled'>;
  readonly run: TransportRun;
}

/** `Gudang Cibubur → GBK Madya (Truk Fuso)`, for the feed. */
export const runLine = (run: TransportRun): string => `${run.from} → ${run.to} (${run.vehicle})`;

/**
 * Who hears of a logistics event, given the logistics just before it: a run's driver when it is
 * scheduled and when it is cancelled. Nobody is told what they did themselves.
 */
export function transportNotices(
  before: LogisticsState,
  event: LogisticsEvent,
  actorId: string | undefined,
): TransportNotice[] {
  let notice: TransportNotice | undefined;
  switch (event.type) {
    case 'TransportRunScheduled': {
      const { run } = event.data;
      if (run.driverId) notice = { personId: run.driverId, kind: 'transport.assigned', run };
      break;
    }
    case 'TransportRunCancelled': {
      const run = before.runs.get(event.data.runId);
      if (run?.driverId) notice = { personId: run.driverId, kind: 'transport.cancelled', run };
      break;
    }
    case 'VenueDetailsSet':
    case 'EquipmentAdded':
    case 'EquipmentRemoved':
    case 'LoadWindowScheduled':
    case 'LoadWindowRemoved':
      return [];
    default:
      return assertNever(event);
  }
  return notice && notice.personId !== actorId ? [notice] : [];
}

/** Logistics: a driver hears of the runs they drive, and of their cancellation. */
export const logisticsRules: NotificationRules = {
  source: 'logistics',
  eventTypes: new Set(['TransportRunScheduled', 'TransportRunCancelled']),
  async notify(event, lookups) {
    if (!event.streamId.startsWith('logistics-')) return [];
    const logisticsEvent = { type: event.type, data: event.data } as unknown as LogisticsEvent;
    // A cancellation names only the run: its driver comes from the history.
    const before =
      logisticsEvent.type === 'TransportRunCancelled'
        ? await lookups.stateBefore(event, initialLogisticsState, evolveLogistics)
        : initialLogisticsState;
    const actorId = actorPerson(event);
    const notices = transportNotices(before, logisticsEvent, actorId);
    if (notices.length === 0) return [];
    const productionId = logisticsEvent.data.productionId;
    const members = await lookups.membersAmong(
      productionId,
      notices.map((n) => n.personId),
    );
    const actorName = await lookups.personName(actorId);
    return notices
      .filter((notice) => members.has(notice.personId))
      .map((notice) => {
        const payload: NotificationPayload = {
          ...(actorId ? { actorId } : {}),
          ...(actorName ? { actorName } : {}),
          runId: notice.run.runId,
          excerpt: runLine(notice.run),
        };
        return { personId: notice.personId, productionId, kind: notice.kind, payload };
      });
  },
};
