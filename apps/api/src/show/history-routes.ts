import { ShowDayParams, ShowHistory, type ShowRun } from '@panggung/contracts';
import {
  canSeeEvent,
  checkinStream,
  departmentsIn,
  eventDataFor,
  incidentsStream,
  inShowDay,
  NotFoundError,
  showDayWindow,
  showStream,
} from '@panggung/domain';
import { compareCheckpoints, type StoredEvent } from '@panggung/event-store';
import type { FastifyInstance } from 'fastify';
import { errors, productionFor } from '../contracts/access.ts';

const ALL = { limit: 100_000 };

/**
 * A show day as it happened, for the replay (issue 7): every event of the show stream, and the incidents
 * and check-ins of that day, in commit order. Each is filtered for the viewer exactly as the live stream
 * filters it (`canSeeEvent`, `eventDataFor`), so a replay shows no more than the day's screens did.
 */
export function registerShowHistoryRoutes(app: FastifyInstance): void {
  app.get(
    '/api/productions/:id/shows/:day/history',
    {
      schema: {
        tags: ['show'],
        summary: 'A show day as it happened: the show stream, incidents and check-ins (filtered by role)',
        params: ShowDayParams,
        response: { 200: ShowHistory, ...errors },
      },
    },
    async (request): Promise<ShowHistory> => {
      const { id, day } = request.params as ShowDayParams;
      const { roles } = await productionFor(app, request.viewer, id, 'show.view');
      const show = await app.store.readStream(showStream(id, day), ALL);
      const frozen = show.find((event) => event.type === 'ShowRunFrozen');
      if (!frozen) throw new NotFoundError(`The show of ${day} has not started`, 'day');
      const run = (frozen.data as { run: ShowRun }).run;
      const at = (event: StoredEvent | undefined) => Date.parse(String(event?.data.at));
      const window = showDayWindow(day, run.timeZone, { fromMs: at(frozen), toMs: at(show.at(-1)) });
      const [incidents, checkins] = await Promise.all([
        app.store.readStream(incidentsStream(id), ALL),
        app.store.readStream(checkinStream(id), ALL),
      ]);
      const departments = departmentsIn(request.viewer, id);
      const events = [
        ...show,
        ...[...incidents, ...checkins].filter((event) => inShowDay(event, day, window)),
      ]
        .sort((a, b) => compareCheckpoints(a.checkpoint, b.checkpoint))
        .filter((event) => canSeeEvent(event, request.viewer, roles));
      return {
        productionId: id,
        showDay: day,
        events: events.map((event: StoredEvent) => ({
          streamId: event.streamId,
          type: event.type,
          data: eventDataFor(event, roles, departments),
          recordedAt: event.metadata.recordedAt,
        })),
      };
    },
  );
}
