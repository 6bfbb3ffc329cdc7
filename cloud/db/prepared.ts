import type { SQL } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { executedRows, type Db } from './store'

const dialect = new PgDialect()

/** Something made once per database and kept for its lifetime: a query builder's `.prepare(name)`, say. */
export function perDb<T>(make: (db: Db) => T): (db: Db) => T {
  const byDb = new WeakMap<Db, T>()
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
  return async (db: Db, values: Values): Promise<Row[]> => executedRows<Row>(await prepared(db).execute(values))
}
