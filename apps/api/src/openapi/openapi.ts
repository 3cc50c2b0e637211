import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

/** The OpenAPI document at `/api/openapi.json`, and the interactive page at `/api/docs`. */
export const openApiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Panggung API',
          version: '0.1.0',
          description:
            'Production management for live events. Sign in with POST /api/auth/sign-in, then send the token as `Authorization: Bearer <token>` (the dashboard uses the session cookie). Live updates: websocket at /api/live.',
        },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        security: [{ bearer: [] }],
      },
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
