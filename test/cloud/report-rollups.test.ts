/**
 * The report rollups (migration 0010) against the straightforward query they replace: random problems and timelines
 * across months, departments, statuses and actors — then departments moved, rounds restarted, deadlines changed, a
 * person moved to another department, more events one at a time — and after each step every figure of many ranges
 * (months, spans across weeks, single days) and of every week, and the problems by category, must equal what a scan of
 * the range's events joined to their problems and actors gives. In process on PostgreSQL; the fixture suite
 * (reports.test.ts) runs the same triggers on PGlite too.
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { addDays, type IsoDate } from '../../src/core/calendar/shanghai-time'
import { emptyCounts, type FigureCounts } from '../../src/core/report/report.figures'
import { PROBLEM_CATEGORIES } from '../../src/core/problem/problem.categories'
import { executedRows, type Tx } from '../../cloud/db/store'
import { judgePastRounds, scanRange, type InstantRange, type PastRoundEvent, type Row } from '../../cloud/functions/reports/report.figures.queries'
import { categoryCounts, dateRange } from '../../cloud/functions/reports/report.queries'
import { describeOnPostgres, seededStore } from '../support/seeded-store'

jest.setTimeout(300_000)

/** mulberry32: the same data every run, so a failure can be replayed. */
function random(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] }
}

const ACTIONS = ['submit', 'answer', 'defer', 'assign', 'reassign', 'reopen', 'sign', 'progress', 'resolve', 'confirm', 'markOverdue', 'escalate'] as const
const STATUSES = ['submitted', 'answered', 'deferred', 'assigned', 'in_progress', 'resolved', 'closed'] as const
const START = Date.parse('2026-08-01T00:00:00+08:00')
const HOUR = 3_600_000
const RECEIVED = sql`(action = 'answer' OR (action IN ('assign', 'reassign', 'reopen') AND to_status = 'assigned' AND department_id IS NOT NULL))`
const WEEK = sql`to_char(date_trunc('week', (at AT TIME ZONE 'UTC') + interval '8 hours'), 'YYYY-MM-DD')`

/**
 * The definitions of report.figures.queries.ts as one scan of the range's events joined to problems and actors, less
 * the resolves a later reopen took back.
 */
async function straightforward(tx: Tx, range: InstantRange) {
  const ev = sql`
    SELECT e.problem_id, e.action, e.to_status, e.at, p.sign_by, p.resolve_by, p.assigned_at, p.category,
           CASE WHEN e.action IN ('answer', 'sign', 'resolve') THEN u.department_id ELSE p.department_id END AS department_id
      FROM problem_events e JOIN problems p ON p.id = e.problem_id LEFT JOIN users u ON u.id = e.actor_id
     WHERE e.at >= ${range.from.toISOString()}::timestamptz AND e.at < ${range.to.toISOString()}::timestamptz
       AND NOT (e.action = 'resolve' AND EXISTS (
             SELECT 1 FROM problem_events r WHERE r.problem_id = e.problem_id AND r.action = 'reopen' AND (r.at, r.id) > (e.at, e.id)))`
  const byDepartment = executedRows<Row>(
    await tx.execute(sql`
      WITH ev AS (${ev})
      SELECT department_id,
             COUNT(DISTINCT problem_id) FILTER (WHERE ${RECEIVED})::int AS received,
             COUNT(*) FILTER (WHERE action = 'answer')::int AS "answeredOnSpot",
             COUNT(*) FILTER (WHERE action = 'resolve')::int AS resolved,
             COUNT(*) FILTER (WHERE action = 'resolve' AND at >= assigned_at AND at <= resolve_by)::int AS "resolvedOnTime",
             COUNT(*) FILTER (WHERE action = 'sign')::int AS signed,
             COUNT(*) FILTER (WHERE action = 'sign' AND at >= assigned_at AND at <= sign_by)::int AS "signedOnTime",
             COUNT(DISTINCT problem_id) FILTER (WHERE action = 'markOverdue')::int AS overdue,
             COUNT(DISTINCT problem_id) FILTER (WHERE action = 'escalate')::int AS escalated
        FROM ev GROUP BY department_id`),
  )
  const past = executedRows<Row>(
    await tx.execute(sql`
      WITH ev AS (${ev})
      SELECT problem_id, action, at, category, department_id FROM ev
       WHERE action IN ('sign', 'resolve') AND (assigned_at IS NULL OR at < assigned_at)`),
  )
  const weeks = executedRows<Row>(
    await tx.execute(sql`
      WITH ev AS (${ev})
      SELECT ${WEEK} AS week, COUNT(DISTINCT (department_id, problem_id)) FILTER (WHERE ${RECEIVED})::int AS received,
             COUNT(*) FILTER (WHERE action = 'resolve')::int AS resolved
        FROM ev GROUP BY 1`),
  )
  const pastRounds = new Map<string | null, PastRoundEvent[]>()
  for (const r of past) {
    const key = (r.department_id as string | null) ?? null
    pastRounds.set(key, [
      ...(pastRounds.get(key) ?? []),
      { problemId: String(r.problem_id), action: r.action as PastRoundEvent['action'], at: new Date(r.at as string).toISOString(), category: r.category as PastRoundEvent['category'] },
    ])
  }
  const judged = await judgePastRounds(tx, pastRounds, {})
  const departments = byDepartment.map(({ department_id, ...counts }) => {
    const key = (department_id as string | null) ?? null
    const all: FigureCounts = { ...emptyCounts(), ...(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])) as Partial<FigureCounts>) }
    all.signedOnTime += judged.get(key)?.signedOnTime ?? 0
    all.resolvedOnTime += judged.get(key)?.resolvedOnTime ?? 0
    return { departmentId: key, counts: all }
  })
  return { departments, weeks: new Map(weeks.map((w) => [String(w.week), { received: Number(w.received), resolved: Number(w.resolved) }])) }
}

/** Comparable: departments and weeks with anything counted, in a fixed order. */
function comparable(scan: { departments: Array<{ departmentId: string | null; counts: FigureCounts }>; weeks: Map<string, { received: number; resolved: number }> }) {
  return {
    departments: scan.departments
      .filter((d) => Object.values(d.counts).some((n) => n !== 0))
      .map((d) => [d.departmentId ?? '-', d.counts] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
    weeks: [...scan.weeks].filter(([, w]) => w.received || w.resolved).sort(([a], [b]) => a.localeCompare(b)),
  }
}

describeOnPostgres('report rollups against the straightforward query, on random data', () => {
  const seeded = seededStore('2026-08-01T09:00:00+08:00')
  const rng = random(20261202)
  const asOf = new Date('2027-01-15T00:00:00Z')
  let departmentIds: string[] = []
  let userIds: string[] = []
  const problemIds: string[] = []

  const ranges = (): Array<[IsoDate, IsoDate]> => {
    const list: Array<[IsoDate, IsoDate]> = [
      ['2026-08-01', '2026-08-31'],
      ['2026-09-01', '2026-09-30'],
      ['2026-10-01', '2026-10-31'],
      ['2026-11-01', '2026-11-30'],
      ['2026-08-01', '2026-12-31'],
    ]
    for (let i = 0; i < 12; i++) {
      const from = addDays('2026-08-01', rng.int(120))
      list.push([from, addDays(from, rng.int(i < 4 ? 1 : 40))])
    }
    return list
  }

  async function expectSameFigures() {
    const db = seeded.store.db
    for (const [from, to] of ranges()) {
      const range = dateRange(from, to)
      const fast = await scanRange(db, range, asOf, { weeks: true })
      const slow = await straightforward(db, range)
      expect([from, to, comparable(fast)]).toEqual([from, to, comparable(slow)])
      const categories = executedRows<Row>(
        await db.execute(sql`
          SELECT category, COUNT(*)::int AS count FROM problems
           WHERE created_at >= ${range.from.toISOString()}::timestamptz AND created_at < ${range.to.toISOString()}::timestamptz GROUP BY category`),
      )
      const counted = new Map(categories.map((r) => [String(r.category), Number(r.count)]))
      expect((await categoryCounts(db, range)).map((c) => [c.category, c.count]).sort()).toEqual(PROBLEM_CATEGORIES.map((c) => [c, counted.get(c) ?? 0]).sort())
    }
  }

  const maybe = <T,>(value: T, chance = 0.5): T | null => (rng.next() < chance ? value : null)
  const instant = (ms: number) => new Date(ms).toISOString()

  async function addEvents(problems: string[], perProblem: number) {
    const rows = problems.flatMap((problemId) =>
      Array.from({ length: rng.int(perProblem) + 1 }, () => {
        const action = rng.pick(ACTIONS)
        const toStatus = ['assign', 'reassign', 'reopen'].includes(action) && rng.next() < 0.8 ? 'assigned' : rng.pick(STATUSES)
        return sql`(${problemId}::uuid, ${maybe(rng.pick(userIds), 0.9)}::uuid, 'staff', ${action}, ${toStatus}, ${instant(START + rng.int(140 * 24) * HOUR + rng.int(HOUR))}::timestamptz)`
      }),
    )
    await seeded.store.db.execute(sql`
      INSERT INTO problem_events (problem_id, actor_id, actor_role, action, to_status, at) VALUES ${sql.join(rows, sql`, `)}`)
  }

  beforeAll(async () => {
    const db = seeded.store.db
    departmentIds = executedRows<Row>(await db.execute(sql`SELECT id FROM departments ORDER BY code`)).map((r) => String(r.id)).slice(0, 4)
    userIds = executedRows<Row>(await db.execute(sql`SELECT id FROM users ORDER BY openid`)).map((r) => String(r.id))
    // A few more people, some in a department, so that actors' departments vary.
    for (let i = 0; i < 6; i++) {
      const id = randomUUID()
      await db.execute(sql`INSERT INTO users (id, openid, name, roles, department_id) VALUES (${id}, ${`rollup:${i}`}, ${`经办人${i}`}, '{handler}', ${maybe(rng.pick(departmentIds), 0.8)})`)
      userIds.push(id)
    }
    const [holder] = executedRows<Row>(await db.execute(sql`SELECT id FROM holders LIMIT 1`))
    const rows = Array.from({ length: 400 }, (_, i) => {
      const id = randomUUID()
      problemIds.push(id)
      const created = START + rng.int(130 * 24) * HOUR
      const assigned = maybe(created + rng.int(72) * HOUR, 0.7)
      return sql`(${id}::uuid, ${`R${i}`}, ${rng.pick(PROBLEM_CATEGORIES)}, '随机', '随机', ${rng.pick(STATUSES)}, 'holder', ${holder.id}::uuid, ${userIds[0]}::uuid,
        ${maybe(rng.pick(departmentIds), 0.7)}::uuid, ${assigned === null ? null : instant(assigned)}::timestamptz,
        ${assigned === null ? null : instant(assigned + rng.int(60) * HOUR)}::timestamptz, ${assigned === null ? null : instant(assigned + rng.int(400) * HOUR)}::timestamptz,
        ${`rollup-${i}`}, ${instant(created)}::timestamptz, ${instant(created)}::timestamptz)`
    })
    await db.execute(sql`
      INSERT INTO problems (id, number, category, title, description, status, source, holder_id, submitted_by, department_id, assigned_at, sign_by,
                            resolve_by, idempotency_key, created_at, updated_at)
      VALUES ${sql.join(rows, sql`, `)}`)
  })

  it('agrees after one bulk insert of timelines', async () => {
    await addEvents(problemIds, 8)
    await expectSameFigures()
  })

  it('agrees after departments, rounds and deadlines change, alone and many at once', async () => {
    const db = seeded.store.db
    for (let i = 0; i < 40; i++) {
      const id = rng.pick(problemIds)
      const assigned = START + rng.int(130 * 24) * HOUR
      const change = rng.int(4)
      if (change === 0) await db.execute(sql`UPDATE problems SET department_id = ${maybe(rng.pick(departmentIds), 0.8)} WHERE id = ${id}`)
      if (change === 1) await db.execute(sql`UPDATE problems SET assigned_at = ${instant(assigned)}, sign_by = ${instant(assigned + rng.int(48) * HOUR)} WHERE id = ${id}`)
      if (change === 2) await db.execute(sql`UPDATE problems SET department_id = NULL, assigned_at = NULL, sign_by = NULL, resolve_by = NULL WHERE id = ${id}`)
      if (change === 3) await db.execute(sql`UPDATE problems SET category = ${rng.pick(PROBLEM_CATEGORIES)}, resolve_by = ${instant(assigned)} WHERE id = ${id}`)
    }
    await db.execute(sql`UPDATE problems SET department_id = ${departmentIds[1]} WHERE number LIKE 'R1%'`)
    await db.execute(sql`UPDATE problems SET status = 'closed' WHERE number LIKE 'R2%'`)
    await expectSameFigures()
  })

  it('agrees after a person moves to another department and events come one at a time', async () => {
    const db = seeded.store.db
    const moved = userIds[userIds.length - 1]
    await db.execute(sql`UPDATE users SET department_id = ${departmentIds[0]} WHERE id = ${moved}`)
    await db.execute(sql`UPDATE users SET department_id = NULL WHERE id = ${userIds[userIds.length - 2]}`)
    for (let i = 0; i < 30; i++) await addEvents([rng.pick(problemIds)], 1)
    await db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE problems SET department_id = ${departmentIds[2]}, assigned_at = ${instant(START + 50 * 24 * HOUR)} WHERE number = 'R7'`)
      await tx.execute(sql`INSERT INTO problem_events (problem_id, actor_id, actor_role, action, to_status, at)
                           SELECT id, ${moved}::uuid, 'handler', 'sign', 'in_progress', ${instant(START + 51 * 24 * HOUR)}::timestamptz FROM problems WHERE number = 'R7'`)
    })
    await expectSameFigures()
  })
})
