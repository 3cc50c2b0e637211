import { Type, type Static } from 'typebox';

/**
 * Roles a person holds in a production (organisation admin is held in the organisation and reaches all
 * of its productions).
 */
export const Role = Type.Union([
  Type.Literal('org_admin'),
  Type.Literal('production_manager'),
  Type.Literal('finance_approver'),
  Type.Literal('crew'),
  Type.Literal('show_caller'),
  Type.Literal('client'),
  Type.Literal('vendor'),
]);
export type Role = Static<typeof Role>;
export const ROLES: readonly Role[] = [
  'org_admin',
  'production_manager',
  'finance_approver',
  'crew',
  'show_caller',
  'client',
  'vendor',
];

/** Departments of a production crew. */
export const Department = Type.Union([
  Type.Literal('sound'),
  Type.Literal('lighting'),
  Type.Literal('video'),
  Type.Literal('stage'),
  Type.Literal('rigging'),
  Type.Literal('power'),
  Type.Literal('backline'),
  Type.Literal('runner'),
  Type.Literal('security_liaison'),
  Type.Literal('production_office'),
  Type.Literal('hospitality'),
]);
export type Department = Static<typeof Department>;
