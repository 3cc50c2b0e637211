import type { LiveEvent, Production, ProductionEvents } from '@panggung/contracts';

/**
 * A production as it is after a live event, so the page follows changes without reloading. Returns the
 * same object when the event changes nothing it shows. The stream version moves too, so the next change
 * from this page is made against the version it shows.
 */
export function applyEvent(production: Production, event: LiveEvent): Production {
  if (event.productionId !== production.id || event.streamVersion <= production.version) return production;
  const next = { ...production, version: event.streamVersion, updatedAt: event.recordedAt };
  switch (event.type) {
    case 'ProductionDetailsUpdated': {
      const { changes } = event.data as ProductionEvents.ProductionDetailsUpdated;
      return { ...next, ...changes };
    }
    case 'ProductionPhaseChanged': {
      const { to } = event.data as ProductionEvents.ProductionPhaseChanged;
      return { ...next, status: to };
    }
    default:
      return next;
  }
}
