import { sql, type Kysely } from 'kysely';
import type { ProjectedTable } from './projection-tables.ts';

/** Rows of one table found on one side only (as JSON, volatile columns left out). */
export interface TableDifference {
  readonly table: string;
  /** Rows in the live table with no equal row in the rebuilt one (up to the report's limit). */
  readonly onlyLive: readonly unknown[];
  /** Rows in the rebuilt table with no equal row in the live one (up to the report's limit). */
  readonly onlyRebuilt: readonly unknown[];
  /** How many rows differ in all, on both sides. */
  readonly count: number;
}

/**
 * Compares a projection's live tables with their rebuilt copies row by row: each row as `jsonb` minus
 * its volatile columns, as a multiset (`except all`), so duplicates and missing rows both show. jsonb
 * rather than the row type because some column types (json, arrays of them) have no equality.
 */
export async function compareTables(
  db: Kysely<unknown>,
  live: string,
  rebuilt: string,
  tables: readonly ProjectedTable[],
  limit = 20,
): Promise<TableDifference[]> {
  const differences: TableDifference[] = [];
  for (const table of tables) {
    const ignored = sql`${sql.val([...(table.volatileColumns ?? [])])}::text[]`;
    const { rows } = await sql<{ side: 'live' | 'rebuilt'; row: unknown; total: string }>`
      with live_rows as (select to_jsonb(t) - ${ignored} as row from ${sql.table(`${live}.${table.name}`)} t),
           rebuilt_rows as (select to_jsonb(t) - ${ignored} as row from ${sql.table(`${rebuilt}.${table.name}`)} t),
           only_live as (select row from live_rows except all select row from rebuilt_rows),
           only_rebuilt as (select row from rebuilt_rows except all select row from live_rows),
           both_sides as (
             select 'live' as side, row from only_live union all select 'rebuilt' as side, row from only_rebuilt
           )
      select side, row, total from (
        select side, row, count(*) over () as total,
               row_number() over (partition by side order by row::text) as n
        from both_sides
      ) numbered
      where n <= ${limit}
      order by side, n
    `.execute(db);
    if (rows.length === 0) continue;
    differences.push({
      table: table.name,
      onlyLive: rows.filter((r) => r.side === 'live').map((r) => r.row),
      onlyRebuilt: rows.filter((r) => r.side === 'rebuilt').map((r) => r.row),
      count: Number(rows[0]!.total),
    });
  }
  return differences;
}
