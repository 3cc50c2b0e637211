import {
  dueMilestones,
  evolveTimeline,
  initialTimelineState,
  phasesStream,
  productionStream,
  TIMELINE_EVENT_TYPES,
  timelineStream,
  type TimelineEvent,
} from '@panggung/domain';
import type { EventStore, NewEvent } from '@panggung/event-store';
import type { PhaseActivities } from '@panggung/workflows';
import { appendStep } from './append-step.ts';
import { gatherGateFacts, gatherUnpaidMilestones } from './phases/gate-facts.ts';
import { readDomainEvents } from './phases/stream-reader.ts';

/**
 * The production workflow's phase activities: facts for the gates, the phase change, milestone
 * reminders and the settlement, each append idempotent per workflow step.
 *
 * @example
 * const worker = await Worker.create({ ..., activities: { ...createPhaseActivities({ store }) } });
 */
export function createPhaseActivities({ store }: { store: EventStore }): PhaseActivities {
  return {
    gatherGateFacts: ({ productionId }) => gatherGateFacts(store, productionId),

    changePhase: ({ productionId, step, events, actor }) =>
      appendStep(
        store,
        productionStream(productionId),
        step,
        events.map(({ type, data }) => ({ type, data: data as unknown as NewEvent['data'] })),
        { actor },
      ),

    async upcomingMilestones({ productionId }) {
      const events = await readDomainEvents<TimelineEvent>(
        store,
        timelineStream(productionId),
        TIMELINE_EVENT_TYPES,
      );
      return dueMilestones(events.reduce(evolveTimeline, initialTimelineState));
    },

    sendMilestoneReminder: ({ productionId, step, milestone, leadMs }) =>
      appendStep(store, phasesStream(productionId), step, [
        { type: 'MilestoneReminderSent', data: { productionId, ...milestone, leadMs } },
      ]),

    async openSettlement({ productionId, step }) {
      const unpaid = await gatherUnpaidMilestones(store, productionId);
      const total = unpaid.reduce((sum, milestone) => sum + milestone.amount, 0);
      return appendStep(store, phasesStream(productionId), step, [
        { type: 'SettlementOpened', data: { productionId, unpaid, total } as unknown as NewEvent['data'] },
      ]);
    },
  };
}
