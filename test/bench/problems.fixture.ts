import { Client } from 'pg'

export const BENCH_PROBLEMS = 1_000_000

/** How the benches start a host: no rate limit to speak of, a pool for 200 in flight, a fixed clock. */
export const BENCH_HOST_ENV = { RATE_LIMIT_PER_MINUTE: '1000000', DB_POOL_SIZE: '40', CLOCK_START: '2027-01-04T08:00:00+08:00' }

/**
 * The problems the ledger and dashboard benches read (1,000,000 unless told), generated in SQL once per database: a
 * bench that finds them already there (another bench ran first on the same host) reuses them. One a minute back from
 * now, so a month holds the same ~43,000 whatever the count; statuses, categories, departments and flags spread evenly.
 */
export async function ensureBenchProblems(db: Client, count = BENCH_PROBLEMS): Promise<void> {
  const { rowCount } = await db.query(`SELECT 1 FROM problems WHERE number = 'B1'`)
  if (rowCount) return
  const started = performance.now()
  await db.query(`
    INSERT INTO problems (id, number, category, title, description, status, source, holder_id, submitted_by, department_id,
                          leader_id, escalated, overdue, assigned_at, sign_by, resolve_by, idempotency_key, created_at, updated_at)
    SELECT gen_random_uuid(), 'B' || i,
           (ARRAY['approval','planning','land','environment','policy','funding','labour','financing','talent','other'])[1 + i % 10],
           '压测诉求 ' || i, '生成的诉求，用于台帐查询压测',
           (ARRAY['submitted','answered','deferred','assigned','in_progress','resolved','closed','closed','closed','closed'])[1 + (i / 7) % 10],
           'holder', h.ids[1 + i % array_length(h.ids, 1)], u.id,
           CASE WHEN (i / 7) % 10 BETWEEN 3 AND 5 THEN d.ids[1 + i % array_length(d.ids, 1)] END,
           CASE WHEN i % 5 = 0 THEN u.id END,
           i % 100 = 0, i % 20 = 0,
           now() - make_interval(secs => i * 60), now(), now(),
           'bench-' || i, now() - make_interval(secs => i * 60), now()
      FROM generate_series(1, ${count}) AS i,
           (SELECT array_agg(id) AS ids FROM holders) h,
           (SELECT array_agg(id) AS ids FROM departments) d,
           (SELECT id FROM users WHERE 'leader' = ANY(roles) LIMIT 1) u`)
  // As autovacuum would soon after such a load: statistics, and the visibility map index-only scans rely on.
  await db.query('VACUUM ANALYZE problems')
  console.log(`bench setup: ${count.toLocaleString('en')} problems generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

/**
 * With BENCH_KEEP_DB=1 the ledger and dashboard benches run on kept databases (`bench_<name>`, created when missing,
 * never dropped), so that the minutes of generation are spent once while iterating; without it every run starts from
 * an empty database. Returns the host environment that points at it (none: a fresh database).
 */
export async function keptDatabase(name: string): Promise<Record<string, string>> {
  if (process.env.BENCH_KEEP_DB !== '1') return {}
  const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL })
  await admin.connect()
  try {
    const database = `bench_${name}`
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (!rowCount) await admin.query(`CREATE DATABASE ${database}`)
    const url = new URL(process.env.TEST_DATABASE_URL!)
    url.pathname = `/${database}`
    return { DATABASE_URL: url.toString() }
  } finally {
    await admin.end()
  }
}
