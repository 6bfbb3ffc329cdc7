import { Client } from 'pg'
import { monthDays, monthRange, previousMonth, type Month } from '../../src/core/report/report.figures'
import { openStore } from '../../cloud/db/store'
import { generateMonthlyReports } from '../../cloud/functions/reports/monthly.job'
import { monthWorkbook } from '../../cloud/functions/reports/reports.actions'
import { apiClient } from '../support/api'
import { startHost, type RunningHost } from '../support/host'
import { BENCH_HOST_ENV, BENCH_PROBLEMS, ensureBenchProblems, keptDatabase } from './problems.fixture'
import { fmt, percentile } from './stats'
import { interleaved, verdict } from './verdict'

const PAIRS = 60
const SMALL = 200_000

/**
 * The leaders' dashboard and the monthly report over 1,000,000 problems (PostgreSQL), against the same dashboard over
 * 200,000. The problems are the ledger bench's (generated once per database, one a minute, so a month holds the same
 * ~43,000 problems in both); this bench adds what the figures count — each problem's timeline (submit, answer or
 * defer/assign/sign/resolve/confirm, overdue marks, escalations: about 3.5 million events at 1 M), a rating for a third
 * of the served problems and a rectification for the bad ones — then times `reports.dashboard` for the last whole
 * month over HTTP on both, interleaved (60 pairs, half of them 200 k first): p95 at 1 M, and the median of the pairs'
 * ratios 1 M / 200 k (the cost should follow the month, not the table). Then the month's report generation and .xlsx once,
 * in process, at 1 M.
 */
export async function benchDashboard(host: RunningHost): Promise<void> {
  const smallHost = await startHost('postgres', { ...BENCH_HOST_ENV, ...(await keptDatabase('200k')) })
  let month: Month
  try {
    const big = await dashboardOn(host, BENCH_PROBLEMS)
    const small = await dashboardOn(smallHost, SMALL)
    month = big.month
    for (let i = 0; i < 3; i++) await Promise.all([big.timed(), small.timed()])
    big.times.length = small.times.length = 0
    // Half the pairs each way round (the second call of a pair ran measurably slower here), and their geometric mean.
    const bigSecond = await interleaved(PAIRS / 2, small.timed, big.timed)
    const smallSecond = await interleaved(PAIRS / 2, big.timed, small.timed)
    const ratio = Math.sqrt(bigSecond.ratio / smallSecond.ratio)
    for (const side of [big, small]) side.print()
    verdict('reports.dashboard p95 at 1M', percentile(big.sorted(), 95), '<=', 100, 'ms')
    verdict('reports.dashboard 1M / 200k (median of pairs, both orders)', ratio, '<=', 1.2)
  } finally {
    await smallHost.stop()
  }

  // In process, for a month the host's scheduler has not generated: the job itself, and the export of its workbook.
  const store = await openStore({ databaseUrl: host.env.DATABASE_URL, poolSize: 4 })
  try {
    const now = new Date(monthRange(month).to.getTime() + 3_600_000)
    let t = performance.now()
    const created = await generateMonthlyReports(store.db, now)
    console.log(`monthly report ${month}: ${created} department rows generated in ${fmt(performance.now() - t)}`)
    t = performance.now()
    const file = await monthWorkbook(store.db, month, now)
    if ('bytes' in file) console.log(`monthly .xlsx ${month}: ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB built in ${fmt(performance.now() - t)}`)
  } finally {
    await store.close()
  }
}

/** A host's ledger of `count` problems with their activity, and a timed dashboard call for its last whole month. */
async function dashboardOn(host: RunningHost, count: number) {
  const db = new Client({ connectionString: host.env.DATABASE_URL })
  await db.connect()
  await ensureBenchProblems(db, count)
  await ensureBenchActivity(db)
  const { rows } = await db.query(`SELECT max(created_at) AS latest, (SELECT count(*) FROM problem_events)::int AS events FROM problems`)
  await db.end()
  const month = previousMonth(rows[0].latest as Date)
  const { first, last } = monthDays(month)
  const api = apiClient(host.url)
  const leader = await api.login('leader-demo')
  const times: number[] = []
  let figures = { received: 0, resolved: 0, overdue: 0 }
  const sorted = () => [...times].sort((a, b) => a - b)
  return {
    month,
    times,
    sorted,
    async timed(): Promise<number> {
      const t = performance.now()
      figures = (await api.data('reports', 'dashboard', { from: first, to: last }, leader)).period
      const ms = performance.now() - t
      times.push(ms)
      return ms
    },
    print() {
      console.log(
        `reports.dashboard ${month} over ${count.toLocaleString('en')} problems / ${rows[0].events.toLocaleString('en')} events: ` +
          `p50 ${fmt(percentile(sorted(), 50))}, p95 ${fmt(percentile(sorted(), 95))} (${times.length} runs; received ${figures.received}, ` +
          `resolved ${figures.resolved}, overdue ${figures.overdue})`,
      )
    },
  }
}

/** Timelines, ratings and rectifications of the generated problems; once per database (bench handlers mark it done). */
async function ensureBenchActivity(db: Client): Promise<void> {
  const { rowCount } = await db.query(`SELECT 1 FROM users WHERE openid LIKE 'bench:handler:%' LIMIT 1`)
  if (rowCount) return
  const started = performance.now()
  // A handler per department, so that signs and resolutions count for the problem's department.
  await db.query(`
    INSERT INTO users (id, openid, name, roles, department_id)
    SELECT gen_random_uuid(), 'bench:handler:' || code, '压测经办人 ' || code, '{handler}', id FROM departments`)
  // Which path a problem took follows from its generated status; closed ones alternate between the two paths.
  await db.query(`
    WITH p AS (
      SELECT p.id, substr(p.number, 2)::int AS i, p.status, p.created_at AS t, p.overdue, p.escalated,
             COALESCE(bh.id, hs.ids[1 + substr(p.number, 2)::int % array_length(hs.ids, 1)]) AS handler,
             p.status = 'answered' OR (p.status = 'closed' AND substr(p.number, 2)::int % 2 = 0) AS on_spot
        FROM problems p
        LEFT JOIN users bh ON bh.openid LIKE 'bench:handler:%' AND bh.department_id = p.department_id,
             (SELECT array_agg(id) AS ids FROM users WHERE openid LIKE 'bench:handler:%') hs
       WHERE p.number LIKE 'B%'
    ),
    staff AS (SELECT id FROM users WHERE 'staff' = ANY(roles) ORDER BY name LIMIT 1),
    admin AS (SELECT id FROM users WHERE 'admin' = ANY(roles) LIMIT 1),
    commissioner AS (SELECT id FROM users WHERE 'commissioner' = ANY(roles) LIMIT 1)
    INSERT INTO problem_events (problem_id, actor_id, actor_role, action, from_status, to_status, at)
    SELECT p.id, x.actor, x.role, x.action, x.from_status, x.to_status, p.t + x.after
      FROM p, staff, admin, commissioner,
           LATERAL (VALUES
             (true, NULL::uuid, 'holder', 'submit', NULL, 'submitted', interval '0'),
             (p.on_spot, staff.id, 'staff', 'answer', 'submitted', 'answered', interval '30 minutes'),
             (NOT p.on_spot AND p.status <> 'submitted', staff.id, 'staff', 'defer', 'submitted', 'deferred', interval '30 minutes'),
             (NOT p.on_spot AND p.status NOT IN ('submitted', 'deferred'), admin.id, 'admin', 'assign', 'deferred', 'assigned', interval '1 hour'),
             (NOT p.on_spot AND p.status IN ('in_progress', 'resolved', 'closed'), p.handler, 'handler', 'sign', 'assigned', 'in_progress', interval '5 hours'),
             (NOT p.on_spot AND p.overdue AND p.status NOT IN ('submitted', 'deferred'), NULL, 'system', 'markOverdue', 'in_progress', 'in_progress', interval '2 days'),
             (NOT p.on_spot AND p.status IN ('resolved', 'closed'), p.handler, 'handler', 'resolve', 'in_progress', 'resolved', interval '3 days'),
             (p.status = 'closed', NULL, 'holder', 'confirm', 'resolved', 'closed', interval '4 days'),
             (p.escalated AND p.status <> 'closed', commissioner.id, 'commissioner', 'escalate', p.status, p.status, interval '1 day')
           ) AS x(applies, actor, role, action, from_status, to_status, after)
     WHERE x.applies`)
  await db.query(`
    INSERT INTO ratings (id, target_type, target_id, kind, holder_id, user_id, department_id, attitude, quality, effectiveness, bad, month, created_at)
    SELECT gen_random_uuid(), 'problem', p.id, 'initial', p.holder_id, p.submitted_by, u.department_id,
           CASE WHEN i % 10 = 0 THEN 2 ELSE 5 END, CASE WHEN i % 7 = 0 THEN 3 ELSE 4 END, 5, i % 10 = 0,
           to_char((e.at + interval '1 day') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), e.at + interval '1 day'
      FROM (SELECT *, substr(number, 2)::int AS i FROM problems WHERE number LIKE 'B%') p
      JOIN problem_events e ON e.problem_id = p.id AND e.action = 'resolve'
      JOIN users u ON u.id = e.actor_id
     WHERE p.i % 3 = 0`)
  await db.query(`
    INSERT INTO rectifications (rating_id, department_id, status, return_visit_by, rectify_by, rectified_at, created_at, updated_at)
    SELECT id, department_id, CASE WHEN substr(id::text, 1, 1) < 'c' THEN 'rectified' ELSE 'open' END,
           created_at + interval '1 day', created_at + interval '21 days',
           CASE WHEN substr(id::text, 1, 1) < 'c' THEN created_at + interval '10 days' END, created_at, created_at
      FROM ratings WHERE bad`)
  await db.query('VACUUM ANALYZE problem_events')
  await db.query('VACUUM ANALYZE ratings')
  await db.query('VACUUM ANALYZE rectifications')
  await db.query('VACUUM ANALYZE problems')
  // What the triggers of migration 0010 derived from the events above.
  await db.query('VACUUM ANALYZE report_contributions')
  await db.query('VACUUM ANALYZE report_days')
  console.log(`dashboard setup: timelines, ratings and rectifications generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
