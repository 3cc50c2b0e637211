import type { Technical } from '@panggung/contracts';
import { technicalDepartments, technicalReadiness, type TechnicalState } from '@panggung/domain';

/** The technical page of a production from the domain's state: one entry per department, then issues. */
export function technicalView(productionId: string, state: TechnicalState, version: number): Technical {
  if (state.status === 'none')
    return { productionId, departments: [], issues: [], readiness: technicalReadiness(state), version };
  return {
    productionId,
    departments: technicalDepartments(state).map((department) => {
      const head = state.heads[department];
      const signedOff = state.signedOff[department];
      return {
        department,
        ...(head ? { headId: head } : {}),
        riders: state.riders.filter((r) => r.department === department),
        items: state.items.filter((i) => i.department === department),
        ...(signedOff ? { signedOff: { ...signedOff } } : {}),
      };
    }),
    issues: [...state.issues],
    readiness: technicalReadiness(state),
    version,
  };
}
