import { describe, expect, it } from 'vitest';
import { authorize, authorizeInOrganisation, can } from './permissions.ts';
import { canSeeEvent } from './visibility.ts';
import { rolesIn, type Viewer } from './viewer.ts';

const org = 'org-1';
const production = { id: 'prod-1', organisationId: org };
const viewer = (
  roles: Viewer['memberships'][number]['role'][],
  organisationRoles: Viewer['organisationRoles'] = [],
): Viewer => ({
  personId: 'me',
  organisationId: org,
  organisationRoles,
  memberships: roles.map((role) => ({ productionId: production.id, role })),
});

describe('roles', () => {
  it('gives an organisation admin every production of their organisation, and no other', () => {
    const admin = viewer([], ['org_admin']);
    expect(rolesIn(admin, production)).toEqual(['org_admin']);
    expect(rolesIn(admin, { id: 'prod-x', organisationId: 'other-org' })).toEqual([]);
  });
});

describe('authorize', () => {
  it('hides a production from a person who is not in it (404, not 403)', () => {
    expect(() => authorize(viewer([]), 'production.view', production)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
  it('lets every member view, and only managers and admins change', () => {
    for (const role of ['crew', 'client', 'vendor', 'show_caller', 'finance_approver'] as const) {
      expect(can(viewer([role]), 'production.view', production)).toBe(true);
      expect(() => authorize(viewer([role]), 'production.update', production)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    }
    expect(can(viewer(['production_manager']), 'production.update', production)).toBe(true);
    expect(can(viewer([], ['org_admin']), 'members.manage', production)).toBe(true);
  });
  it('keeps the team list from clients and vendors', () => {
    expect(can(viewer(['client']), 'members.view', production)).toBe(false);
    expect(can(viewer(['vendor']), 'members.view', production)).toBe(false);
    expect(can(viewer(['crew']), 'members.view', production)).toBe(true);
  });
  it('lets managers and admins create productions, and only admins manage people', () => {
    expect(() => authorizeInOrganisation(viewer(['production_manager']), 'production.create')).not.toThrow();
    expect(() => authorizeInOrganisation(viewer(['crew']), 'production.create')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => authorizeInOrganisation(viewer(['production_manager']), 'people.manage')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});

describe('procurement and budget access', () => {
  it('lets managers and admins run RFQs and contracts; vendors only look (their own, filtered by the routes)', () => {
    expect(can(viewer(['production_manager']), 'rfqs.manage', production)).toBe(true);
    expect(can(viewer(['vendor']), 'rfqs.view', production)).toBe(true);
    expect(can(viewer(['client']), 'rfqs.view', production)).toBe(false);
    expect(can(viewer(['finance_approver']), 'contracts.manage', production)).toBe(false);
    expect(can(viewer(['client']), 'contracts.view', production)).toBe(true);
  });
  it('shows budget figures only to admins, managers and finance approvers', () => {
    for (const role of ['crew', 'show_caller', 'client', 'vendor'] as const)
      expect(can(viewer([role]), 'budget.view', production)).toBe(false);
    expect(can(viewer(['finance_approver']), 'budget.manage', production)).toBe(true);
    expect(can(viewer([], ['org_admin']), 'budget.view', production)).toBe(true);
  });
  it('lets vendors see the directory (their own entry) and only managers and admins change it', () => {
    expect(() => authorizeInOrganisation(viewer(['vendor']), 'vendors.view')).not.toThrow();
    expect(() => authorizeInOrganisation(viewer(['client']), 'vendors.view')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => authorizeInOrganisation(viewer(['vendor']), 'vendors.manage')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => authorizeInOrganisation(viewer(['production_manager']), 'vendors.manage')).not.toThrow();
  });
});

describe('canSeeEvent', () => {
  const me = { personId: 'me' };
  const memberAdded = (personId: string) => ({ type: 'MemberAdded', data: { personId } });
  it('shows production details to everyone in it', () => {
    expect(canSeeEvent({ type: 'ProductionDetailsUpdated', data: {} }, me, ['client'])).toBe(true);
    expect(canSeeEvent({ type: 'ProductionDetailsUpdated', data: {} }, me, [])).toBe(false);
  });
  it('shows a client or vendor only their own membership', () => {
    expect(canSeeEvent(memberAdded('me'), me, ['vendor'])).toBe(true);
    expect(canSeeEvent(memberAdded('someone'), me, ['vendor'])).toBe(false);
    expect(canSeeEvent(memberAdded('someone'), me, ['crew'])).toBe(true);
  });
  it('keeps unknown event types internal', () => {
    expect(canSeeEvent({ type: 'SomethingNew', data: {} }, me, ['client'])).toBe(false);
    expect(canSeeEvent({ type: 'SomethingNew', data: {} }, me, ['show_caller'])).toBe(true);
  });
});
