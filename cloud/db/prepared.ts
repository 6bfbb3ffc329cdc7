import { getTableColumns, type SQL } from 'drizzle-orm'
import { PgDialect, type PgColumn, type PgTable } from 'drizzle-orm/pg-core'
import { executedRows, type Tx } from './store'

const dialect = new PgDialect()

/** Something made once per database and kept for its lifetime: a query builder's `.prepare(name)`, say. */
export function perDb<T, D extends Tx = Tx>(make: (db: D) => T): (db: D) => T {
  const byDb = new WeakMap<D, T>()
  return (db) => {
    let made = byDb.get(db)
    if (!made) byDb.set(db, (made = make(db)))
    return made
  }
}

/**
 * A hand-written statement for a hot path, built once and prepared under `name` on each database: PostgreSQL parses
 * and plans it once per connection, and no SQL is built per call. Values go in as `sql.placeholder('key')`s, filled
 * from the object each call passes. Both drivers answer plain rows (no column mapping: cast in SQL what you read).
 */
export function preparedSql<Row, Values extends Record<string, unknown>>(name: string, statement: SQL) {
  const query = dialect.sqlToQuery(statement)
  const prepared = perDb((db) => db._.session.prepareQuery(query, undefined, name, false))
  return async (db: Tx, values: Values): Promise<Row[]> => executedRows<Row>(await prepared(db).execute(values))
}

/**
 * A table's row as drizzle would give it, from the `row_to_json(t)` of a hand-written statement: each column's value
 * goes through the column's own mapping (timestamps become Dates, and so on).
 */
export function fromJsonRow<T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {}
  for (const [key, column] of columnsOf(table)) {
    const value = json[column.name]
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value)
  }
  return row as T['$inferSelect']
}

const columns = new WeakMap<PgTable, Array<[string, PgColumn]>>()
function columnsOf(table: PgTable): Array<[string, PgColumn]> {
  let found = columns.get(table)
  if (!found) columns.set(table, (found = Object.entries(getTableColumns(table))))
  return found
}
