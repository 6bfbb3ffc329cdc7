import { Client } from 'pg'
import { apiClient } from '../support/api'
import type { RunningHost } from '../support/host'
import { ensureBenchProblems } from './problems.fixture'
import { fmt, percentile } from './stats'

const SAMPLES = 200

/**
 * The ledger on 1,000,000 problems (PostgreSQL): generated in SQL (once, shared with the dashboard bench), then the
 * leader's filtered list and a department's 待签收 list over HTTP, one request at a time, first page and a deep page.
 */
export async function benchLedger(host: RunningHost): Promise<void> {
  const db = new Client({ connectionString: host.env.DATABASE_URL })
  await db.connect()
  await ensureBenchProblems(db)
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
