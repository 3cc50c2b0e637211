import { Type, type Static } from 'typebox';
import { Uuid } from '../common/common.ts';
import { VendorDetails } from './vendors.ts';

/**
 * Event payloads of the `vendor-<id>` stream. The directory belongs to an organisation, not to a
 * production: these events carry no productionId. `npwp` is stored as digits only.
 */
export const VendorRegistered = Type.Object({
  organisationId: Uuid,
  vendorId: Uuid,
  details: VendorDetails,
});
export type VendorRegistered = Static<typeof VendorRegistered>;

export const VendorUpdated = Type.Object({
  organisationId: Uuid,
  vendorId: Uuid,
  /** Only what changed. */
  changes: Type.Partial(VendorDetails),
});
export type VendorUpdated = Static<typeof VendorUpdated>;
