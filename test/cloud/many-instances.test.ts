/**
 * Several instances starting at the same moment on one fresh PostgreSQL database (DESIGN.md §3 "Scale"): every one of
 * them migrates on start, so without the advisory lock around the migrator they collide on CREATE SCHEMA, CREATE
 * SEQUENCE and the migrations table, and all but one die. Hosts (the HTTP path) and bare `openStore` calls (what a
 * cloud function's cold start does) are both checked.
 */
import { sql } from 'drizzle-orm'
import { openStore, type Store } from '../../cloud/db/store'
import { createDatabase, startHost, type RunningHost } from '../support/host'
import { describeOnPostgres } from '../support/postgres-suite'

const INSTANCES = 6

describeOnPostgres('many instances starting at once on a fresh PostgreSQL database', () => {
  it(`${INSTANCES} hosts all come up and answer /api/health`, async () => {
    const database = await createDatabase({ empty: true })
    const started = Date.now()
    const results = await Promise.allSettled(
      Array.from({ length: INSTANCES }, () => startHost('postgres', { DATABASE_URL: database.url, DEV_LOGIN: '0' })),
    )
    const hosts = results.filter((r): r is PromiseFulfilledResult<RunningHost> => r.status === 'fulfilled').map((r) => r.value)
    try {
      console.log(`${INSTANCES} hosts on one fresh database: ${hosts.length} up after ${Date.now() - started} ms`)
      const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => String(r.reason).slice(0, 600))
      expect(failures).toEqual([])
      const answers = await Promise.all(hosts.map(async (host) => (await fetch(`${host.url}/api/health`)).status))
      expect(answers).toEqual(Array(INSTANCES).fill(200))
    } finally {
      await Promise.all(hosts.map((host) => host.stop()))
      await database.drop()
    }
  }, 150_000)

  it(`${INSTANCES} cloud-function cold starts (openStore) all succeed and migrate once`, async () => {
    const database = await createDatabase({ empty: true })
    const results = await Promise.allSettled(Array.from({ length: INSTANCES }, () => openStore({ databaseUrl: database.url, poolSize: 2 })))
    const stores = results.filter((r): r is PromiseFulfilledResult<Store> => r.status === 'fulfilled').map((r) => r.value)
    try {
      const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => String(r.reason))
      expect(failures).toEqual([])
      // Each migration is recorded once, not once per instance.
      const applied = await stores[0].db.execute(sql`SELECT count(*)::int AS n, count(DISTINCT hash)::int AS distinct FROM drizzle.__drizzle_migrations`)
      const [{ n, distinct }] = (applied as unknown as { rows: Array<{ n: number; distinct: number }> }).rows
      expect(n).toBe(distinct)
      expect(n).toBeGreaterThan(0)
    } finally {
      await Promise.all(stores.map((store) => store.close()))
      await database.drop()
    }
  }, 60_000)
})
