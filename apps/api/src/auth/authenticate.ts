import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { unauthenticated } from '../errors/api-error.ts';
import { findSessionPerson, SESSION_COOKIE } from './sessions.ts';
import { findViewer, type SignedIn } from './viewer.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `app.authenticate` on routes that need a signed-in person. */
    viewer: SignedIn;
  }
  interface FastifyInstance {
    /** A preHandler: 401 unless the request carries a live session (Bearer token or cookie). */
    authenticate(request: FastifyRequest): Promise<void>;
    /** The person behind a request's session, or undefined (used by the websocket). */
    identify(request: FastifyRequest): Promise<SignedIn | undefined>;
  }
}

export function sessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return request.cookies?.[SESSION_COOKIE];
}

export const authenticatePlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('viewer', null as unknown as SignedIn);
    const identify = async (request: FastifyRequest): Promise<SignedIn | undefined> => {
      const token = sessionToken(request);
      if (!token) return undefined;
      const personId = await findSessionPerson(app.store.db, token);
      return personId ? findViewer(app.store.db, personId) : undefined;
    };
    app.decorate('identify', identify);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const viewer = await identify(request);
      if (!viewer) throw unauthenticated();
      request.viewer = viewer;
    });
  },
  { name: 'authenticate', dependencies: ['store'] },
);
