import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';

/**
 * /healthz answers while the process serves; /readyz only while the database
 * answers within a second, so a load balancer stops routing here during an outage.
 */
export function mountHealth(app: FastifyInstance, ds: DataSource): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await Promise.race([ds.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref())]);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}
