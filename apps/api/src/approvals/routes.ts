import {
  ApprovalInbox,
  ApprovalPolicyView,
  DecisionAccepted,
  DecisionBody,
  DelegateStepBody,
  IdParams,
  ReasonedDecisionBody,
  SetApprovalPolicyBody,
  SubmissionAccepted,
  SubmitContractBody,
  WithdrawContractBody,
} from '@panggung/contracts';
import { approvalPolicyStream, contractStream } from '@panggung/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { handleCommand } from '../commands/handle-command.ts';
import { actorOf, commandMetadata, commandOptions, errors, productionFor } from '../contracts/access.ts';
import { contractFor } from '../contracts/contract-queries.ts';
import { toErrorBody } from '../errors/error-handler.ts';
import { listInbox } from './inbox.ts';
import { chooseApprovers, loadPolicy, loadTeam, policyDecider } from './team.ts';
import { ApprovalClient, ApprovalRefusedError, type Decision } from './workflow-client.ts';

/**
 * Approvals: submitting a contract version starts its approval workflow; every decision is a Temporal
 * update answered at once (accepted, or refused without a trace); the inbox lists the steps waiting for
 * the signed-in person; the production's approval policy sets the threshold and deadlines.
 */
export async function approvalRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);
  const approvals = new ApprovalClient(app);

  /** A refusal carries the contract's current state on a 409, which the shared error handler does not add. */
  const refused = (reply: FastifyReply, error: unknown) => {
    if (!(error instanceof ApprovalRefusedError)) throw error;
    return reply
      .status(error.statusCode)
      .send({ ...toErrorBody(error), ...(error.current ? { current: error.current } : {}) });
  };

  /** Waits until the read models hold the contract's newest event (the workflow appended it). */
  async function caughtUp(contractId: string): Promise<void> {
    const last = await app.store.db
      .selectFrom('events')
      .select((eb) => [eb.cast<string>('transaction_id', 'text').as('transaction_id'), 'position'])
      .where('stream_id', '=', contractStream(contractId))
      .orderBy('stream_version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last)
      await app.projections.waitFor({
        transactionId: BigInt(last.transaction_id),
        position: BigInt(last.position),
      });
  }

  app.get(
    '/api/approvals',
    {
      schema: {
        tags: ['approvals'],
        summary: 'Every approval step waiting for you, across your productions, oldest first',
        response: { 200: ApprovalInbox, ...errors },
      },
    },
    async (request) => ({ items: await listInbox(app.store.db, request.viewer) }),
  );

  app.post(
    '/api/contracts/:id/submit',
    {
      schema: {
        tags: ['approvals'],
        summary: 'Submit a contract version for approval: starts its approval chain (once per version)',
        params: IdParams,
        body: SubmitContractBody,
        response: { 202: SubmissionAccepted, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const access = await contractFor(app, request.viewer, id, 'decide');
      const body = request.body as SubmitContractBody;
      const productionId = access.contract.production_id;
      const team = await loadTeam(app, productionId);
      const { view: policy } = await loadPolicy(app, productionId, team);
      try {
        const workflowId = await approvals.submit(
          {
            contractId: id,
            contractVersion: body.contractVersion,
            submittedBy: actorOf(request.viewer, access.roles),
            approvers: chooseApprovers(team, policy.ownerId, body.approvers),
            policy: {
              clientApprovalThreshold: policy.clientApprovalThreshold,
              reminderAfterMs: policy.reminderAfterMs,
              escalateAfterMs: policy.escalateAfterMs,
              ownerId: policy.ownerId,
            },
          },
          access.roles,
        );
        return reply
          .status(202)
          .send({ accepted: true, contractId: id, version: body.contractVersion, workflowId });
      } catch (error) {
        return refused(reply, error);
      }
    },
  );

  /** One decision route: the actor comes from the session and the production's members, never the body. */
  function decisionRoute<Body>(
    path: string,
    summary: string,
    body: object,
    toDecision: (
      body: Body,
      request: FastifyRequest,
      roles: Parameters<typeof actorOf>[1],
    ) => Promise<Decision>,
  ) {
    app.post(
      `/api/contracts/:id/${path}`,
      {
        schema: {
          tags: ['approvals'],
          summary,
          params: IdParams,
          body,
          response: { 200: DecisionAccepted, ...errors },
        },
      },
      async (request, reply) => {
        const { id } = request.params as Static<typeof IdParams>;
        const access = await contractFor(app, request.viewer, id, 'decide');
        try {
          const decision = await toDecision(request.body as Body, request, access.roles);
          const answer = await approvals.decide(id, decision, access.roles);
          await caughtUp(id);
          return answer;
        } catch (error) {
          return refused(reply, error);
        }
      },
    );
  }

  decisionRoute<DecisionBody>(
    'approve',
    'Approve the open step you are assigned',
    DecisionBody,
    async (body, request, roles) => ({
      kind: 'approve',
      args: { ...body, by: actorOf(request.viewer, roles) },
    }),
  );
  decisionRoute<ReasonedDecisionBody>(
    'reject',
    'Reject the contract at your step, with a reason',
    ReasonedDecisionBody,
    async (body, request, roles) => ({
      kind: 'reject',
      args: { ...body, by: actorOf(request.viewer, roles) },
    }),
  );
  decisionRoute<ReasonedDecisionBody>(
    'send-back',
    'Send the contract back for changes, with a reason',
    ReasonedDecisionBody,
    async (body, request, roles) => ({
      kind: 'sendBack',
      args: { ...body, by: actorOf(request.viewer, roles) },
    }),
  );
  decisionRoute<DelegateStepBody>(
    'delegate',
    'Hand the open step to another person with the same role',
    DelegateStepBody,
    async ({ toPersonId, ...body }, request, roles) => {
      const contract = await app.store.db
        .selectFrom('contracts')
        .select('production_id')
        .where('id', '=', (request.params as Static<typeof IdParams>).id)
        .executeTakeFirstOrThrow();
      const team = await loadTeam(app, contract.production_id);
      return {
        kind: 'delegate',
        args: { ...body, by: actorOf(request.viewer, roles), to: team.actor(toPersonId) },
      };
    },
  );
  decisionRoute<WithdrawContractBody>(
    'withdraw',
    'Withdraw the contract from approval (production managers)',
    WithdrawContractBody,
    async (body, request, roles) => ({
      kind: 'withdraw',
      args: { ...body, by: actorOf(request.viewer, roles) },
    }),
  );

  app.get(
    '/api/productions/:id/approval-policy',
    {
      schema: {
        tags: ['approvals'],
        summary:
          'The production’s approval policy: client threshold, reminder and escalation deadlines, owner',
        params: IdParams,
        response: { 200: ApprovalPolicyView, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      await productionFor(app, request.viewer, id, 'budget.view');
      return (await loadPolicy(app, id, await loadTeam(app, id))).view;
    },
  );

  app.put(
    '/api/productions/:id/approval-policy',
    {
      schema: {
        tags: ['approvals'],
        summary: 'Change the approval policy (production managers); applies to submissions from now on',
        params: IdParams,
        body: SetApprovalPolicyBody,
        response: { 200: ApprovalPolicyView, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { roles } = await productionFor(app, request.viewer, id, 'contracts.manage');
      const { expectedVersion, ownerId, ...settings } = request.body as SetApprovalPolicyBody;
      const team = await loadTeam(app, id);
      const { defaultOwnerId } = await loadPolicy(app, id, team);
      const result = await handleCommand(
        app.store,
        approvalPolicyStream(id),
        policyDecider,
        {
          type: 'SetApprovalPolicy',
          data: {
            productionId: id,
            ...settings,
            ...(ownerId ? { owner: team.actor(ownerId) } : {}),
            defaultOwnerId,
            by: actorOf(request.viewer, roles),
          },
          metadata: commandMetadata(request),
        },
        { ...commandOptions(request, id), expectedVersion },
      );
      await app.projections.waitFor(result.checkpoint);
      return (await loadPolicy(app, id, team)).view;
    },
  );
}
