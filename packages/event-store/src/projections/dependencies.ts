import { EventStoreError } from '../errors.ts';

/** What the dependency checks need of a projection. */
interface Declared {
  readonly name: string;
  readonly dependsOn?: readonly string[];
}

/**
 * A projection's `dependsOn` cannot be honoured: it names a projection nobody projects (a typo, one
 * removed), the projection itself, or a cycle. Thrown before anything is applied, rather than a runner
 * waiting forever for a checkpoint that never moves.
 */
export class ProjectionDependencyError extends EventStoreError {
  readonly code = 'PROJECTION_DEPENDENCY';
  constructor(
    /** The projection whose dependencies are wrong. */
    readonly projection: string,
    /** The dependencies at fault: the unknown one, or the cycle in order. */
    readonly dependencies: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'ProjectionDependencyError';
  }
}

/**
 * The projections ordered so that each comes after those of the set it depends on, otherwise in the
 * order given (an order that already satisfies the dependencies is kept as it is). A dependency outside
 * the set is allowed only with `outside: 'allow'` (a rebuild of some projections: the others' live tables
 * are read); by default it is an error, as are a projection depending on itself, a cycle and a name given
 * twice.
 *
 * @example
 * const ordered = orderByDependencies([crew, productions]); // [productions, crew]
 */
export function orderByDependencies<P extends Declared>(
  projections: readonly P[],
  options: { readonly outside?: 'error' | 'allow' } = {},
): P[] {
  const byName = new Map<string, P>();
  for (const projection of projections) {
    if (byName.has(projection.name))
      throw new ProjectionDependencyError(
        projection.name,
        [],
        `Projection ${projection.name} is given twice.`,
      );
    byName.set(projection.name, projection);
  }
  const ordered: P[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (projection: P): void => {
    if (done.has(projection.name)) return;
    const at = path.indexOf(projection.name);
    if (at >= 0) {
      const cycle = [...path.slice(at), projection.name];
      throw new ProjectionDependencyError(
        projection.name,
        cycle,
        `Projections depend on each other in a cycle: ${cycle.join(' → ')}.`,
      );
    }
    path.push(projection.name);
    for (const name of projection.dependsOn ?? []) {
      if (name === projection.name)
        throw new ProjectionDependencyError(
          projection.name,
          [name],
          `Projection ${projection.name} depends on itself.`,
        );
      const dependency = byName.get(name);
      if (dependency) visit(dependency);
      else if (options.outside !== 'allow')
        throw new ProjectionDependencyError(
          projection.name,
          [name],
          `Projection ${projection.name} depends on "${name}", which is not a projection ` +
            `(known: ${[...byName.keys()].join(', ')}).`,
        );
    }
    path.pop();
    done.add(projection.name);
    ordered.push(projection);
  };
  for (const projection of projections) visit(projection);
  return ordered;
}
