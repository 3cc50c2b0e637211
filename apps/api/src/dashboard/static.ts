import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built dashboard; any non-API path gets its index.html (the dashboard routes in the browser). */
export async function dashboardPlugin(app: FastifyInstance, { root }: { root: string }): Promise<void> {
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn(
      `No built dashboard in ${root}: run \`pnpm --filter @panggung/dashboard build\`. Serving the API only.`,
    );
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/health/')) {
      return reply.status(404).send({
        statusCode: 404,
        code: 'ROUTE_NOT_FOUND',
        error: 'Not Found',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
      });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
