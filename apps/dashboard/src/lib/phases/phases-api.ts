import type {
  AdvancePhaseBody,
  ForceGateBody,
  PhaseChangeAccepted,
  PhaseReadiness,
  SetRequiredCategoriesBody,
} from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const enc = encodeURIComponent;
const base = (productionId: string) => `/api/productions/${enc(productionId)}/phases`;

/** The current phase and the next gate's conditions (internal roles only). */
export const getPhases = (productionId: string) => requestJson<PhaseReadiness>('GET', base(productionId));

/** Moves to the next phase; a 409 carries the missing conditions (`missingOf`). */
export const advancePhase = (productionId: string, body: AdvancePhaseBody) =>
  requestJson<PhaseChangeAccepted>('POST', `${base(productionId)}/advance`, body);

export const forceGate = (productionId: string, body: ForceGateBody) =>
  requestJson<PhaseChangeAccepted>('POST', `${base(productionId)}/force`, body);

export const setRequiredCategories = (productionId: string, body: SetRequiredCategoriesBody) =>
  requestJson<PhaseReadiness>('PUT', `${base(productionId)}/requirements`, body);
