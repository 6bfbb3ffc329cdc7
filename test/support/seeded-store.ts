import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { seedDemo } from '../../cloud/db/seed'
import { users } from '../../cloud/db/schema'
import { openStore, type Store } from '../../cloud/db/store'
import type { Caller } from '../../cloud/functions/action'
import { createDatabase } from './host'

export { describeOnPostgres } from './postgres-suite'

export interface SeededStore {
  store: Store
  /** A demo user as an action's caller. */
  caller(userKey: string): Promise<Caller>
}

/**
 * A fresh PostgreSQL database with the demo data as of `seededAt`, opened in this process for the suite, dropped after.
 * In process means PostgreSQL only: PGlite's WASM loading needs a flag jest does not set.
 */
export function seededStore(seededAt: string, poolSize = 2): SeededStore {
  let drop = async () => {}
  const seeded = {
    async caller(userKey: string): Promise<Caller> {
      const [row] = await seeded.store.db.select().from(users).where(eq(users.openid, `dev:${userKey}`))
      return { id: row.id, name: row.name, roles: row.roles as Caller['roles'], departmentId: row.departmentId }
    },
  } as SeededStore
  beforeAll(async () => {
    const database = await createDatabase()
    drop = database.drop
    seeded.store = await openStore({ databaseUrl: database.url, poolSize })
    await seedDemo(seeded.store.db, { newId: randomUUID, now: new Date(seededAt), hash: (code) => code })
  })
  afterAll(async () => {
    await seeded.store?.close()
    await drop()
  })
  return seeded
}
