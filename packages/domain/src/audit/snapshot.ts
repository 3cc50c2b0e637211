import { parse, stringify } from 'devalue';
import { AuditFolder, type AuditFold } from './time-travel.ts';

/**
 * The version of what an `AuditFolder` holds and how it folds. Bump it whenever a capability's `evolve`
 * that time travel folds (production, budget, contracts, crew, show) or the folder itself changes what
 * a history folds to: stored snapshots of another version are then ignored (time travel folds from an
 * older snapshot of this version, or from the first event), never read as if they were still right.
 * After a bump, rebuild the `audit-snapshots` projection so the checkpoints exist again.
 */
export const AUDIT_FOLDER_VERSION = 1;

/** The folder as plain data: what `encodeFold` writes. */
interface FoldData {
  readonly productionId: string;
  readonly production: AuditFold['production'];
  readonly budget: AuditFold['budget'];
  readonly contracts: AuditFold['contracts'];
  readonly rfqTitles: AuditFold['rfqTitles'];
  readonly crew: AuditFold['crew'];
  readonly shows: AuditFold['shows'];
  readonly last: AuditFold['last'];
  readonly count: number;
}

/**
 * A fold as text, to store as a snapshot: with devalue, so Maps, Sets, bigints, dates, `undefined`
 * fields, -0 and objects shared between places all come back exactly as they were (JSON would turn a
 * Map into `{}` and drop `undefined`).
 *
 * @example
 * decodeFold(encodeFold(folder)) // a folder equal to `folder`, that folds on from where it stood
 */
export function encodeFold(fold: AuditFold): string {
  const data: FoldData = {
    productionId: fold.productionId,
    production: fold.production,
    budget: fold.budget,
    contracts: fold.contracts,
    rfqTitles: fold.rfqTitles,
    crew: fold.crew,
    shows: fold.shows,
    last: fold.last,
    count: fold.count,
  };
  return stringify(data);
}

/** A folder that continues from a stored snapshot (`encodeFold`'s text). */
export function decodeFold(text: string): AuditFolder {
  const data = parse(text) as FoldData;
  const folder = new AuditFolder(data.productionId);
  folder.production = data.production;
  folder.budget = data.budget;
  folder.crew = data.crew;
  for (const [id, state] of data.contracts) folder.contracts.set(id, state);
  for (const [id, title] of data.rfqTitles) folder.rfqTitles.set(id, title);
  for (const [day, show] of data.shows) folder.shows.set(day, show);
  folder.last = data.last;
  folder.count = data.count;
  return folder;
}
