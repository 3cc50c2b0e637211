import { createHash, randomBytes } from 'node:crypto';
import { CalendarParams, CalendarToken, ErrorBody } from '@panggung/contracts';
import { formatJakarta, NotFoundError } from '@panggung/domain';
import type { FastifyInstance } from 'fastify';
import ical from 'ical-generator';
import type { Static } from 'typebox';
import { errors } from '../contracts/access.ts';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A private iCalendar feed per person, for calendar apps to subscribe to: one VEVENT per shift in every
 * production of the organisation, from the call time to the end, in UTC. UIDs are the shift ids, so a
 * moved call updates the same entry; SEQUENCE rises and LAST-MODIFIED moves with each reschedule.
 * The feed's address is the secret: only its SHA-256 is stored, and a new one replaces the old.
 */
export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  app.post(
    '/api/me/calendar-token',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['crew'],
        summary: 'A new secret address of one’s calendar feed (the previous one stops working)',
        response: { 201: CalendarToken, ...errors },
      },
    },
    async (request, reply) => {
      const token = randomBytes(32).toString('base64url');
      const values = { token_hash: hashOf(token), created_at: new Date().toISOString() };
      await app.store.db
        .insertInto('crew_calendar_tokens')
        .values({ person_id: request.viewer.personId, ...values })
        .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
        .execute();
      return reply
        .status(201)
        .send({ url: `${request.protocol}://${request.host}/api/calendar/${token}.ics` });
    },
  );

  app.get(
    '/api/calendar/:token',
    {
      schema: {
        tags: ['crew'],
        summary: 'One person’s shifts as iCalendar (no session: the address is the secret)',
        params: CalendarParams,
        response: {
          200: { type: 'string', description: 'text/calendar' },
          400: ErrorBody,
          404: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const { token } = request.params as Static<typeof CalendarParams>;
      const owner = await app.store.db
        .selectFrom('crew_calendar_tokens')
        .innerJoin('people', 'people.id', 'crew_calendar_tokens.person_id')
        .select(['people.id', 'people.name', 'people.organisation_id'])
        .where('token_hash', '=', hashOf(token.replace(/\.ics$/, '')))
        .executeTakeFirst();
      if (!owner) throw new NotFoundError('No calendar at this address (it may have been replaced)');
      const shifts = await app.store.db
        .selectFrom('crew_shifts')
        .innerJoin('productions', 'productions.id', 'crew_shifts.production_id')
        .select([
          'crew_shifts.shift_id',
          'crew_shifts.starts_at',
          'crew_shifts.ends_at',
          'crew_shifts.call_at',
          'crew_shifts.location',
          'crew_shifts.department',
          'crew_shifts.role',
          'crew_shifts.sequence',
          'crew_shifts.updated_at',
          'productions.name as production_name',
        ])
        .where('crew_shifts.person_id', '=', owner.id)
        .where('crew_shifts.organisation_id', '=', owner.organisation_id)
        .orderBy('crew_shifts.call_at')
        .execute();
      const calendar = ical({ name: `Panggung — ${owner.name}`, prodId: '//Panggung//Crew calendar//ID' });
      for (const shift of shifts) {
        const job = shift.role ?? shift.department;
        calendar.createEvent({
          id: `${shift.shift_id}@panggung`,
          start: shift.call_at,
          end: shift.ends_at,
          summary: `${shift.production_name} — ${job}`,
          location: shift.location,
          description: [
            `Call: ${formatJakarta(shift.call_at.getTime())}`,
            `Shift: ${formatJakarta(shift.starts_at.getTime())} – ${formatJakarta(shift.ends_at.getTime())}`,
            `Department: ${shift.department}`,
          ].join('\n'),
          sequence: shift.sequence,
          lastModified: shift.updated_at,
          stamp: shift.updated_at,
        });
      }
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(calendar.toString());
    },
  );
}
