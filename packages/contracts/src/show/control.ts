import { Type, type Static, type TProperties } from 'typebox';
import { ExpectedVersion, Uuid } from '../common/common.ts';
import { ShowDepartment } from './rundown.ts';

/**
 * What every live command carries: a key the client chose once for it (resent after a network drop, it
 * acts once) and what the sender saw when issuing it (the live cue, and optionally the run's version),
 * so a command overtaken by the show is refused rather than applied to the wrong cue.
 */
const issued = {
  idempotencyKey: Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_:.-]+$' }),
  /** The live cue the sender saw; null when none was live yet (before the first GO). */
  expectedCueId: Type.Union([Uuid, Type.Null()]),
  /** The show run's version the sender saw; when given it must match exactly. */
  expectedVersion: Type.Optional(ExpectedVersion),
};

const command = <T extends string, P extends TProperties>(type: T, properties: P) =>
  Type.Object({ type: Type.Literal(type), ...issued, ...properties }, { additionalProperties: false });

/** Warn the next cue; the departments named (default: those with notes on it) acknowledge being ready. */
export const StandByBody = command('stand_by', {
  departments: Type.Optional(Type.Array(ShowDepartment, { minItems: 1, uniqueItems: true })),
});
export const AcknowledgeStandbyBody = command('acknowledge', { cueId: Uuid, department: ShowDepartment });
/** Start the next cue (or, on the last cue, end the show). */
export const GoBody = command('go', {});
/** Stop the live cue's clock. */
export const HoldBody = command('hold', {});
export const ResumeBody = command('resume', {});
/** The named pending cue will not run. */
export const SkipBody = command('skip', { cueId: Uuid });
/** Undo the last GO: the cue before becomes live again, as if it had never ended. */
export const BackBody = command('back', {});
/** Lengthen (positive) or shorten (negative) a live or pending cue. */
export const AdjustTimeBody = command('adjust_time', {
  cueId: Type.Optional(Uuid),
  /** Not 0. */
  seconds: Type.Integer({ minimum: -43_200, maximum: 43_200 }),
});
/** Wait this long before the named pending cue starts. */
export const InsertDelayBody = command('insert_delay', {
  beforeCueId: Uuid,
  seconds: Type.Integer({ minimum: 1, maximum: 43_200 }),
});

/** A show caller's (or a department's, for `acknowledge`) live command, over HTTP or the websocket. */
export const ShowControlBody = Type.Union([
  StandByBody,
  AcknowledgeStandbyBody,
  GoBody,
  HoldBody,
  ResumeBody,
  SkipBody,
  BackBody,
  AdjustTimeBody,
  InsertDelayBody,
]);
export type ShowControlBody = Static<typeof ShowControlBody>;
