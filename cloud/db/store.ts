import path from 'node:path'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { Pool, PoolClient } from 'pg'
/** Without drizzle's relational queries: nothing uses `db.query`, and their config cost every start a pass over all tables. */
export type Db = PgDatabase<PgQueryResultHKT>
/** What a use case writes through: the database itself or one open transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db

export interface Store {
  db: Db
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

export const MIGRATIONS_FOLDER = path.join(__dirname, 'migrations')

export type StoreOptions =
  | { databaseUrl: string; poolSize?: number; migrationsFolder?: string }
  | { dataDir: string | null; migrationsFolder?: string }

/**
 * Opens the store and brings its schema up to date. PostgreSQL when a URL is given; otherwise PGlite in `dataDir`
 * (in memory when null). Drivers are loaded lazily so a cloud function never loads PGlite's WASM.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS_FOLDER
  if ('databaseUrl' in options) {
    const { Pool } = await import('pg')
    const { drizzle } = await import('drizzle-orm/node-postgres')
    const { migrate } = await import('drizzle-orm/node-postgres/migrator')
    const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20, idleTimeoutMillis: 30_000 })
    // A server dropping an idle connection must not become an uncaught exception that kills the process.
    pool.on('error', (error) => console.error(JSON.stringify({ level: 'warn', msg: 'idle database connection lost', err: error.message })))
    const db = drizzle(pool)
    try {
      await migrateLocked(pool, (client) => migrate(drizzle(client), { migrationsFolder }))
    } catch (error) {
      await pool.end().catch(() => {})
      throw error
    }
    return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist')
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
  const { drizzle } = await import('drizzle-orm/pglite')
  const { migrate } = await import('drizzle-orm/pglite/migrator')
  // btree_gist backs the bookings' no-overlap constraint (migration 0009), pg_trgm the policies' search index (0014).
  const client = new PGlite(options.dataDir ?? undefined, { extensions: { btree_gist, pg_trgm } })
  const db = drizzle(client)
  await migrate(db, { migrationsFolder })
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() }
}

/**
 * Key of the session-level advisory lock every instance takes around its migrations ('ldzm'). Any constant works as
 * long as it is the same in every build: hosts and cloud functions of all versions serialise on it.
 */
export const MIGRATION_LOCK_KEY = 0x6c647a6d

/**
 * Runs `run` on one dedicated connection that holds the migration lock: instances starting at once on a fresh
 * database take turns, and the later ones find every migration applied (drizzle's migrator creates its schema and
 * table outside its transaction, so the whole migrator must be inside the lock, on this very connection).
 */
async function migrateLocked(pool: Pool, run: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    try {
      await run(client)
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
    }
    client.release()
  } catch (error) {
    // The connection is closed rather than pooled, which also releases a lock it may still hold.
    client.release(error as Error)
    throw error
  }
}

/** The rows of a `db.execute(sql…)`: both drivers answer `{ rows }`, which drizzle's shared type leaves unknown. */
export const executedRows = <T>(result: unknown): T[] => (result as { rows: T[] }).rows

/** The SQLSTATE of a failed query; drizzle wraps driver errors, so look at the cause too. */
export function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code
  }
  return undefined
}

export const UNIQUE_VIOLATION = '23505'
export const EXCLUSION_VIOLATION = '23P01'
export const DEADLOCK_DETECTED = '40P01'
