import { Type, type Static } from 'typebox';
import { Uuid } from '../common/common.ts';
import { EquipmentItem, LoadWindow, TransportRun, VenueDetails } from './logistics.ts';

/** Event payloads of the `logistics-<productionId>` stream. */
export const VenueDetailsSet = Type.Object({ productionId: Uuid, venue: VenueDetails });
export type VenueDetailsSet = Static<typeof VenueDetailsSet>;

export const EquipmentAdded = Type.Object({ productionId: Uuid, item: EquipmentItem });
export type EquipmentAdded = Static<typeof EquipmentAdded>;

export const EquipmentRemoved = Type.Object({ productionId: Uuid, itemId: Uuid });
export type EquipmentRemoved = Static<typeof EquipmentRemoved>;

export const TransportRunScheduled = Type.Object({ productionId: Uuid, run: TransportRun });
export type TransportRunScheduled = Static<typeof TransportRunScheduled>;

export const TransportRunCancelled = Type.Object({ productionId: Uuid, runId: Uuid });
export type TransportRunCancelled = Static<typeof TransportRunCancelled>;

export const LoadWindowScheduled = Type.Object({ productionId: Uuid, window: LoadWindow });
export type LoadWindowScheduled = Static<typeof LoadWindowScheduled>;

export const LoadWindowRemoved = Type.Object({ productionId: Uuid, windowId: Uuid });
export type LoadWindowRemoved = Static<typeof LoadWindowRemoved>;
