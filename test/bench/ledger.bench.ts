import { Client } from 'pg'
import { apiClient } from '../support/api'
import type { RunningHost } from '../support/host'
import { ensureBenchProblems } from './problems.fixture'
import { fmt, percentile } from './stats'
import { verdict } from './verdict'

const SAMPLES = 100
const LIMIT_MS = 30

/**
 * The ledger on 1,000,000 problems (PostgreSQL): generated in SQL (once, shared with the dashboard bench), then
 * `problems.list` over HTTP, one request at a time: every combination of the filters the leader's 诉求台帐 offers
 * (status, category, department, responsible leader, 仅超期, 仅专报: 64 with none), each against the issue's 30 ms,
 * and a department's 待签收 list. The values are chosen to be hard: in the generated ledger category 'land' is never
 * overdue, escalated nor a leader's, and each department sees one category only, so many combinations match nothing
 * and a plan that walks an index hoping to meet 20 matches soon walks all of it. A deep page (51) is printed for the
 * single filters.
 */
export async function benchLedger(host: RunningHost): Promise<void> {
  const db = new Client({ connectionString: host.env.DATABASE_URL })
  await db.connect()
  await ensureBenchProblems(db)
  const department = (await db.query(`SELECT d.id FROM departments d JOIN users u ON u.department_id = d.id WHERE 'handler' = ANY(u.roles) LIMIT 1`)).rows[0].id
  const leaderId = (await db.query(`SELECT id FROM users WHERE 'leader' = ANY(roles) LIMIT 1`)).rows[0].id
  await db.end()

  const api = apiClient(host.url)
  const leader = await api.login('leader-demo')
  const handler = await api.login('handler-demo')
  const values: Record<string, unknown> = { status: 'in_progress', category: 'land', departmentId: department, leaderId, overdue: true, escalated: true }
  const keys = Object.keys(values)
  for (let mask = 0; mask < 1 << keys.length; mask++) {
    const chosen = keys.filter((_, i) => mask & (1 << i))
    const filter = Object.fromEntries(chosen.map((key) => [key, values[key]]))
    const first = await measure(() => api.data('problems', 'list', { ...filter, limit: 20 }, leader))
    const label = chosen.length ? chosen.join(' + ') : 'no filter'
    const deep = chosen.length <= 1 ? await deepPage(filter, leader) : null
    console.log(`problems.list leader, ${label}: first page p50 ${fmt(first.p50)}, p95 ${fmt(first.p95)}${deep ? `; page 51 p50 ${fmt(deep.p50)}, p95 ${fmt(deep.p95)}` : ''}`)
    verdict(`problems.list p95 at 1M, ${label}`, first.p95, '<=', LIMIT_MS, 'ms')
  }
  const pending = await measure(() => api.data('problems', 'list', { status: 'assigned', limit: 20 }, handler))
  console.log(`problems.list department 待签收 (handler): first page p50 ${fmt(pending.p50)}, p95 ${fmt(pending.p95)}`)

  async function deepPage(filter: object, token: string) {
    let cursor: string | null = null
    for (let page = 0; page < 50 && (page === 0 || cursor); page++) {
      cursor = (await api.data('problems', 'list', { ...filter, limit: 20, ...(cursor ? { cursor } : {}) }, token)).nextCursor
    }
    return cursor ? measure(() => api.data('problems', 'list', { ...filter, limit: 20, cursor }, token)) : null
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
