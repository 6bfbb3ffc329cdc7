import type { Client } from 'pg'

export const BENCH_PROBLEMS = 1_000_000

/**
 * The 1,000,000 problems the ledger and dashboard benches read, generated in SQL once per database: a bench that finds
 * them already there (another bench ran first on the same host) reuses them. One a minute back from now, statuses,
 * categories, departments and flags spread evenly.
 */
export async function ensureBenchProblems(db: Client): Promise<void> {
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
      FROM generate_series(1, ${BENCH_PROBLEMS}) AS i,
           (SELECT array_agg(id) AS ids FROM holders) h,
           (SELECT array_agg(id) AS ids FROM departments) d,
           (SELECT id FROM users WHERE 'leader' = ANY(roles) LIMIT 1) u`)
  await db.query('ANALYZE problems')
  console.log(`bench setup: ${BENCH_PROBLEMS.toLocaleString('en')} problems generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
