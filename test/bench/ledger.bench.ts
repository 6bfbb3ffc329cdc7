import { Client } from 'pg'
import { apiClient } from '../support/api'
import type { RunningHost } from '../support/host'
import { fmt, percentile } from './stats'

const PROBLEMS = 1_000_000
const SAMPLES = 200

/**
 * The ledger on 1,000,000 problems (PostgreSQL): generated in SQL, then the leader's filtered list and a department's
 * 待签收 list over HTTP, one request at a time, first page and a deep keyset page.
 */
export async function benchLedger(host: RunningHost): Promise<void> {
  const db = new Client({ connectionString: host.env.DATABASE_URL })
  await db.connect()
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
      FROM generate_series(1, ${PROBLEMS}) AS i,
           (SELECT array_agg(id) AS ids FROM holders) h,
           (SELECT array_agg(id) AS ids FROM departments) d,
           (SELECT id FROM users WHERE 'leader' = ANY(roles) LIMIT 1) u`)
  await db.query('ANALYZE problems')
  console.log(`ledger setup: ${PROBLEMS.toLocaleString('en')} problems generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const { rows } = await db.query(`SELECT d.id FROM departments d JOIN users u ON u.department_id = d.id WHERE 'handler' = ANY(u.roles) LIMIT 1`)
  await db.end()

  const api = apiClient(host.url)
  const leader = await api.login('leader-demo')
  const handler = await api.login('handler-demo')
  const cases: Array<[string, string, object]> = [
    ['leader: all, newest first', leader, {}],
    ['leader: status in_progress + department', leader, { status: 'in_progress', departmentId: rows[0].id }],
    ['leader: category land + overdue', leader, { category: 'land', overdue: true }],
    ['leader: escalated', leader, { escalated: true }],
    ['department 待签收 (handler)', handler, { status: 'assigned' }],
  ]
  for (const [label, token, filter] of cases) {
    const first = await measure(() => api.data('problems', 'list', { ...filter, limit: 20 }, token))
    let cursor: string | null = null
    for (let page = 0; page < 50 && (page === 0 || cursor); page++) {
      cursor = (await api.data('problems', 'list', { ...filter, limit: 20, ...(cursor ? { cursor } : {}) }, token)).nextCursor
    }
    const deep = cursor ? await measure(() => api.data('problems', 'list', { ...filter, limit: 20, cursor }, token)) : null
    console.log(
      `problems.list ${label}: first page p50 ${fmt(first.p50)}, p95 ${fmt(first.p95)}` +
        (deep ? `; page 51 p50 ${fmt(deep.p50)}, p95 ${fmt(deep.p95)}` : ''),
    )
  }
}

async function measure(call: () => Promise<unknown>) {
  const times: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now()
    await call()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}
