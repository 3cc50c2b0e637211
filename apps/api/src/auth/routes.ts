import { ErrorBody, Me, SessionResponse, SignInBody } from '@panggung/contracts';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiConfig } from '../config.ts';
import { ApiError } from '../errors/api-error.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { closeSession, openSession, SESSION_COOKIE } from './sessions.ts';
import { sessionToken } from './authenticate.ts';
import { findViewer, toMe } from './viewer.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 415: ErrorBody, 429: ErrorBody };

/** Sign-in with a password, sign-out, and who am I. */
export async function authRoutes(app: FastifyInstance, { config }: { config: ApiConfig }): Promise<void> {
  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        body: SignInBody,
        response: { 200: SessionResponse, ...errors },
      },
      config: { rateLimit: { max: config.signInLimitPerMinute, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const { email, password } = request.body as SignInBody;
      const credential = await app.store.db
        .selectFrom('credentials')
        .select(['person_id', 'password_hash'])
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
      const valid = credential
        ? await verifyPassword(password, credential.password_hash)
        : (await burnPasswordCheck(password), false);
      const viewer = valid && credential ? await findViewer(app.store.db, credential.person_id) : undefined;
      if (!viewer) throw new ApiError(401, 'INVALID_CREDENTIALS', 'The e-mail or the password is not right.');
      const session = await openSession(app.store.db, viewer.personId, config.sessionTtlHours);
      void reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        expires: session.expiresAt,
      });
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), me: toMe(viewer) };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'End this session', response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token) await closeSession(app.store.db, token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person and their roles',
        response: { 200: Me, ...errors },
      },
    },
    async (request) => toMe(request.viewer),
  );
}
