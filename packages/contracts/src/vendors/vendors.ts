import { Type, type Static } from 'typebox';
import { ExpectedVersion, Name, Uuid } from '../common/common.ts';

/** What a vendor supplies; budget lines use the same categories. */
export const VendorCategory = Type.Union([
  Type.Literal('sound'),
  Type.Literal('lighting'),
  Type.Literal('staging'),
  Type.Literal('led_screens'),
  Type.Literal('catering'),
  Type.Literal('security'),
  Type.Literal('venue'),
  Type.Literal('transport'),
  Type.Literal('other'),
]);
export type VendorCategory = Static<typeof VendorCategory>;
export const VENDOR_CATEGORIES: readonly VendorCategory[] = [
  'sound',
  'lighting',
  'staging',
  'led_screens',
  'catering',
  'security',
  'venue',
  'transport',
  'other',
];

/**
 * Indonesian tax id (NPWP): 15 digits (the classic `01.234.567.8-901.000`) or 16 (the NIK-based form),
 * with dots, dashes and spaces allowed between digits. Stored as digits only.
 */
export const Npwp = Type.String({
  maxLength: 32,
  pattern: '^(?:[ .\\-]*[0-9]){15,16}[ .\\-]*$',
  description: 'NPWP: 15 or 16 digits, punctuation allowed',
});

/** A phone number as people write it: `+62 812-3456-7890`, `(021) 555 1234`. */
export const Phone = Type.String({ minLength: 6, maxLength: 24, pattern: '^\\+?[0-9 ()\\-]{6,24}$' });

export const VendorContact = Type.Object(
  {
    name: Name,
    phone: Type.Optional(Phone),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  },
  { additionalProperties: false },
);
export type VendorContact = Static<typeof VendorContact>;

/** The editable details of a vendor in an organisation's directory. */
export const VendorDetails = Type.Object(
  {
    name: Name,
    category: VendorCategory,
    contacts: Type.Array(VendorContact, { minItems: 1, maxItems: 20 }),
    npwp: Type.Optional(Npwp),
    address: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type VendorDetails = Static<typeof VendorDetails>;

export const RegisterVendorBody = VendorDetails;
export type RegisterVendorBody = Static<typeof RegisterVendorBody>;

export const UpdateVendorBody = Type.Object(
  {
    expectedVersion: ExpectedVersion,
    name: Type.Optional(Name),
    category: Type.Optional(VendorCategory),
    contacts: Type.Optional(Type.Array(VendorContact, { minItems: 1, maxItems: 20 })),
    npwp: Type.Optional(Npwp),
    address: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false, minProperties: 2 },
);
export type UpdateVendorBody = Static<typeof UpdateVendorBody>;

export const Vendor = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  ...VendorDetails.properties,
  version: Type.Integer(),
});
export type Vendor = Static<typeof Vendor>;

/** The directory, a page at a time, optionally one category. */
export const VendorListQuery = Type.Object(
  {
    category: Type.Optional(VendorCategory),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type VendorListQuery = Static<typeof VendorListQuery>;

export const VendorPage = Type.Object({
  items: Type.Array(Vendor),
  nextCursor: Type.Optional(Type.String()),
});
export type VendorPage = Static<typeof VendorPage>;
