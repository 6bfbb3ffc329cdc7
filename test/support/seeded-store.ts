import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { seedDemo } from '../../cloud/db/seed'
import { users } from '../../cloud/db/schema'
import { openStore, type Store } from '../../cloud/db/store'
import type { Caller } from '../../cloud/functions/action'
import { createDatabase } from './host'

export { describeOnPostgres } from './postgres-suite'

export interface SeededStore {
  readonly store: Store
  /** A demo user as an action's caller. */
  caller(userKey: string): Promise<Caller>
}

/** A fresh, empty (migrated) PostgreSQL database opened in this process for the suite, dropped after. */
export function emptyStore(poolSize = 2): { readonly store: Store } {
  let drop = async () => {}
  const holder = {} as { store: Store }
  beforeAll(async () => {
    const database = await createDatabase()
    drop = database.drop
    holder.store = await openStore({ databaseUrl: database.url, poolSize })
  })
  afterAll(async () => {
    await holder.store?.close()
    await drop()
  })
  return holder
}

/**
 * A fresh PostgreSQL database with the demo data as of `seededAt`, opened in this process for the suite, dropped after.
 * In process means PostgreSQL only: PGlite's WASM loading needs a flag jest does not set.
 */
export function seededStore(seededAt: string, poolSize = 2): SeededStore {
  const fresh = emptyStore(poolSize)
  const seeded: SeededStore = {
    get store() {
      return fresh.store
    },
    async caller(userKey: string): Promise<Caller> {
      const [row] = await fresh.store.db.select().from(users).where(eq(users.openid, `dev:${userKey}`))
      return { id: row.id, name: row.name, roles: row.roles as Caller['roles'], departmentId: row.departmentId }
    },
  }
  // Runs after emptyStore's own beforeAll, which jest runs first (hooks run in the order they were registered).
  beforeAll(async () => {
    await seedDemo(fresh.store.db, { newId: randomUUID, now: new Date(seededAt), hash: (code) => code })
  })
  return seeded
}
