import {
  compareCheckpoints,
  orderByDependencies,
  type Checkpoint,
  type Projection,
  type Projector,
} from '@panggung/event-store';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { ApiError } from '../errors/api-error.ts';
import { approvalsProjection } from '../approvals/projection.ts';
import { auditSnapshots } from '../audit/snapshot-projection.ts';
import { budgetProjection } from '../budget/projection.ts';
import { communicationProjection } from '../communication/projection.ts';
import { contractsProjection } from '../contracts/contract-projection.ts';
import { crewProjection } from '../crew/projection.ts';
import { incidentsProjection } from '../incidents/projection.ts';
import { incidentWorkflowStarter } from '../incidents/workflow-starter.ts';
import { callSheetWorkflowStarter } from '../crew/workflow-starter.ts';
import { rfqsProjection } from '../contracts/rfq-projection.ts';
import { logisticsProjection } from '../logistics/projection.ts';
import { organisationsProjection } from '../organisations/projection.ts';
import { productionsProjection } from '../productions/projection.ts';
import { productionWorkflowStarter } from '../productions/workflow-starter.ts';
import { timelineProjection } from '../timeline/projection.ts';
import { showProjection } from '../show/projection.ts';
import { technicalProjection } from '../technical/projection.ts';
import { timelineChangedReactor } from '../phases/timeline-reactor.ts';
import { vendorsProjection } from '../vendors/projection.ts';
import { WorkflowHistoryKeeper } from '../audit/workflow-history-keeper.ts';
import { workflowHistoryQueue } from '../audit/workflow-history-queue.ts';
import type { Database } from '../schema/tables.ts';

/**
 * Every read model the API keeps; commands wait for these before answering. Add a capability's here. A
 * projection that reads another's tables declares it in `dependsOn` (communication and crew read
 * productions'; communication also organisations'): its runner never applies an event before they have.
 */
export const readModels: readonly Projection<Database>[] = [
  organisationsProjection,
  productionsProjection,
  vendorsProjection,
  rfqsProjection,
  contractsProjection,
  approvalsProjection,
  budgetProjection,
  communicationProjection,
  timelineProjection,
  logisticsProjection,
  technicalProjection,
  crewProjection,
  showProjection,
  incidentsProjection,
];

/**
 * Every projection the API runs and `projections:rebuild` knows: the read models, and the time-travel
 * snapshots, which no command waits for (no page shows them, and after a restart its first batch of a
 * production folds again the events since that production's latest snapshot).
 */
export const projections: readonly Projection<Database>[] = [...readModels, auditSnapshots];

declare module 'fastify' {
  interface FastifyInstance {
    projections: {
      /** Resolves once every projection has applied events up to `checkpoint` (read your own writes). */
      waitFor(checkpoint: Checkpoint | undefined, timeoutMs?: number): Promise<void>;
    };
  }
}

export const projectionsPlugin = fp<{ run: boolean }>(
  async (app, options) => {
    // Reactors are checkpointed like projections but act on the world (start workflows); nobody waits on them.
    const reactors: readonly Projection<Database>[] = [
      productionWorkflowStarter(app.temporal),
      timelineChangedReactor(app.temporal),
      callSheetWorkflowStarter(app.temporal, app.store),
      incidentWorkflowStarter(app.temporal),
      // Only queues finished workflows' histories; the keeper below fetches them, outside any transaction.
      workflowHistoryQueue,
    ];
    // Every `dependsOn` names a projection run here, without cycles: a clear error at start, not a wait.
    orderByDependencies([...projections, ...reactors]);
    const runners: Projector<Database>[] = options.run
      ? [...projections, ...reactors].map((projection) =>
          app.store.project(projection, {
            onError: (error) =>
              app.log.error({ err: error, projection: projection.name }, 'projection batch failed'),
          }),
        )
      : [];
    const keeper = options.run
      ? new WorkflowHistoryKeeper(app.store.db, app.temporal, {
          onError: (error) => app.log.warn({ err: error }, 'workflow history keeper: will try again'),
        }).start()
      : undefined;

    async function waitFor(checkpoint: Checkpoint | undefined, timeoutMs = 10_000): Promise<void> {
      if (!checkpoint) return;
      const deadline = Date.now() + timeoutMs;
      let pause = 2;
      for (;;) {
        const { rows } = await sql<{ name: string; transaction_id: string; position: string }>`
          select name, transaction_id::text as transaction_id, position::text as position
          from projection_checkpoints where name in (${sql.join(readModels.map((p) => p.name))})
        `.execute(app.store.db);
        const behind = readModels.some((projection) => {
          const row = rows.find((r) => r.name === projection.name);
          return (
            !row ||
            compareCheckpoints(
              { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) },
              checkpoint,
            ) < 0
          );
        });
        if (!behind) return;
        if (Date.now() > deadline)
          throw new ApiError(
            503,
            'READ_MODELS_BEHIND',
            'Your change is saved, but the pages that show it are still catching up. Reload in a moment.',
          );
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(pause * 2, 50);
      }
    }

    app.decorate('projections', { waitFor });
    app.addHook('onClose', async () => {
      await Promise.all([...runners.map((runner) => runner.stop()), keeper?.stop()]);
    });
  },
  { name: 'projections', dependencies: ['store', 'temporal'] },
);
