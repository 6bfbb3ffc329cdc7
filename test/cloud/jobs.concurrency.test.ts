/**
 * Scheduled jobs on several instances at once (DESIGN.md §3 "Scale"): three hosts or cloud instances, each with its own
 * connection pool, run every job at the same moment on one PostgreSQL database. Each run must claim its work, so the
 * sum of what the instances report equals what is in the database, and nothing is created, recorded or pushed twice.
 * In process on PostgreSQL (PGlite serialises everything and would hide the races).
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { JOBS, type Job } from '../../src/core/jobs/jobs.schema'
import { NOTIFICATION_TEMPLATES } from '../../src/core/notification/notification.templates'
import { seedDemo } from '../../cloud/db/seed'
import { subscriptionGrants, users, visits } from '../../cloud/db/schema'
import { openStore, type Store } from '../../cloud/db/store'
import type { Caller, Services } from '../../cloud/functions/action'
import { AREAS } from '../../cloud/functions/index'
import { runJobs, type JobRun } from '../../cloud/functions/jobs/run-jobs'
import { dispatch } from '../../cloud/functions/router'
import { createServices } from '../../cloud/host/services'
import type { SubscribeMessage } from '../../cloud/platform/notify/sender'
import { localTemplates } from '../../cloud/platform/notify/template-config'
import { loadSecrets } from '../../cloud/platform/secrets'
import { createDatabase, TEST_CARD_KEY, TEST_SESSION_SECRET } from '../support/host'
import { describeOnPostgres } from '../support/postgres-suite'

jest.setTimeout(120_000)

const INSTANCES = 3
/** Monday 12 October 2026: demo data, problems assigned to a department, a bad rating of yesterday's station visit. */
const SEEDED_AT = new Date('2026-10-12T09:00:00+08:00')
/** Three weeks on: deadlines missed, no contact logged, October over, new weeks of fixed days in view. */
const JOBS_AT = new Date('2026-11-03T09:00:00+08:00')
const PROBLEMS = 6

const quiet = { info() {}, warn() {}, error() {} }

describeOnPostgres(`every scheduled job run by ${INSTANCES} instances at the same moment`, () => {
  let stores: Store[] = []
  let drop = async () => {}
  /** Every push any instance made. */
  const pushes: SubscribeMessage[] = []

  const servicesOf = (store: Store, at: Date): Services => {
    const services = createServices(store.db, loadSecrets({ SESSION_SECRET: TEST_SESSION_SECRET, CARD_SIGNING_KEY: TEST_CARD_KEY }, null), {
      devLogin: false,
      notify: {
        // A push takes a moment, as WeChat's does: long enough for a second sender to try the same row meanwhile.
        sender: { kind: 'log', send: async (message) => (pushes.push(message), await new Promise((r) => setTimeout(r, 3)), { errcode: 0, errmsg: 'ok' }) },
        templates: localTemplates({}),
        log: quiet,
      },
    })
    return { ...services, clock: () => at }
  }

  const count = async (query: ReturnType<typeof sql>) => {
    const result = (await stores[0].db.execute(query)) as unknown as { rows: Array<{ n: number }> }
    return Number(result.rows[0].n)
  }

  beforeAll(async () => {
    const database = await createDatabase()
    drop = database.drop
    stores = await Promise.all(Array.from({ length: INSTANCES }, () => openStore({ databaseUrl: database.url, poolSize: 4 })))
    const db = stores[0].db
    await seedDemo(db, { newId: randomUUID, now: SEEDED_AT, hash: (code) => code })

    // The work, made through the actions as people would make it on the seeding day.
    const services = servicesOf(stores[0], SEEDED_AT)
    const callers = new Map<string, Caller>()
    for (const row of await db.select().from(users)) {
      callers.set(row.openid.replace(/^dev:/, ''), { id: row.id, name: row.name, roles: row.roles as Caller['roles'], departmentId: row.departmentId })
    }
    const call = async (area: string, user: string, event: object) => {
      const result = await dispatch(AREAS, { area, event, caller: callers.get(user)! }, services, quiet)
      if (!result.ok) throw new Error(`${area}.${(event as { action: string }).action} as ${user}: ${JSON.stringify(result.error)}`)
      return result.data as Record<string, unknown>
    }
    const directory = await call('stations', 'admin-demo', { action: 'directory' })
    const zrzy = (directory.departments as Array<{ id: string; name: string }>).find((d) => d.name === '区自然资源局')!.id
    const leaderId = callers.get('leader-demo')!.id
    for (let i = 0; i < PROBLEMS; i++) {
      const { id } = await call('problems', 'holder-demo', { action: 'submit', category: 'land', title: `用地指标 ${i}`, description: '二期厂房扩建需新增用地', idempotencyKey: `jobs-concurrency-${i}` })
      await call('problems', 'staff-demo', { action: 'defer', id, version: 0, explanation: '需自然资源局核实', suggestion: '准备规划方案', nextStep: { kind: 'fixedDay', date: '2026-10-13' } })
      await call('problems', 'admin-demo', { action: 'assign', id, version: 1, departmentId: zrzy, leaderId })
    }
    const [visit] = await db.select({ id: visits.id }).from(visits)
    await call('ratings', 'holder-demo', { action: 'submit', targetType: 'visit', targetId: visit.id, attitude: 1, quality: 2, effectiveness: 2, comment: '等候太久' })
    // Everyone accepted every template twice: what is due can really be pushed.
    await db.insert(subscriptionGrants).values(
      [...callers.values()].flatMap(({ id }) => NOTIFICATION_TEMPLATES.flatMap((template) => [1, 2].map(() => ({ userId: id, template, grantedAt: SEEDED_AT })))),
    )
  })

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()))
    await drop()
  })

  const runEverywhere = async (): Promise<Record<Job, number>> => {
    const runs: JobRun[][] = await Promise.all(stores.map((store) => runJobs(servicesOf(store, JOBS_AT), JOBS, quiet)))
    expect(runs.flat().filter((run) => run.error)).toEqual([])
    return Object.fromEntries(JOBS.map((job) => [job, runs.flat().filter((run) => run.job === job).reduce((sum, run) => sum + run.changed, 0)])) as Record<Job, number>
  }

  it('does each piece of work once: what the instances report adds up to what the database holds, and nothing is pushed twice', async () => {
    const sessionsBefore = await count(sql`SELECT count(*) AS n FROM sessions WHERE fixed_day_id IS NOT NULL`)
    const changed = await runEverywhere()
    console.log(`changed by ${INSTANCES} instances together: ${JSON.stringify(changed)}; pushes: ${pushes.length}`)

    // serviceDays: the weeks that came into view, once per fixed day and date.
    const sessionsAfter = await count(sql`SELECT count(*) AS n FROM sessions WHERE fixed_day_id IS NOT NULL`)
    expect(changed.serviceDays).toBeGreaterThan(0)
    expect(sessionsAfter - sessionsBefore).toBe(changed.serviceDays)
    expect(await count(sql`SELECT count(*) AS n FROM (SELECT 1 FROM sessions WHERE fixed_day_id IS NOT NULL GROUP BY fixed_day_id, date HAVING count(*) > 1) d`)).toBe(0)
    expect(await count(sql`SELECT count(*) AS n FROM slots s LEFT JOIN sessions x ON x.id = s.session_id WHERE x.id IS NULL`)).toBe(0)

    // overdue: every assigned problem marked once, one timeline event each, each missed deadline recorded once.
    expect(changed.overdue).toBe(PROBLEMS)
    expect(await count(sql`SELECT count(*) AS n FROM problem_events WHERE action = 'markOverdue'`)).toBe(PROBLEMS)
    expect(await count(sql`SELECT count(*) AS n FROM problems WHERE overdue AND cardinality(overdue_marked) = (SELECT count(DISTINCT k) FROM unnest(overdue_marked) k)`)).toBe(PROBLEMS)

    // reminders: the bad rating's missed return visit (and rectification) announced once.
    expect(changed.reminders).toBe(1)
    expect(await count(sql`SELECT count(*) AS n FROM rating_events WHERE action = 'markOverdue'`)).toBe(1)
    expect(await count(sql`SELECT count(*) AS n FROM outbox WHERE template = 'rectification.due'`)).toBeGreaterThan(0)

    // contactCadence: one reminder per assignment (the demo commissioner looks after two holders).
    expect(changed.contactCadence).toBe(2)
    expect(await count(sql`SELECT count(*) AS n FROM outbox WHERE template = 'commissioner.contactOverdue'`)).toBe(2)

    // monthlyReport: October once, one row per department, one notice per leader.
    const departmentsCount = await count(sql`SELECT count(*) AS n FROM departments`)
    expect(changed.monthlyReport).toBe(departmentsCount)
    expect(await count(sql`SELECT count(*) AS n FROM monthly_reports WHERE month = '2026-10'`)).toBe(departmentsCount)
    expect(await count(sql`SELECT count(*) AS n FROM job_runs WHERE job = 'monthlyReport'`)).toBe(1)
    expect(await count(sql`SELECT count(*) AS n FROM outbox WHERE template = 'report.ready'`)).toBe(
      await count(sql`SELECT count(*) AS n FROM users WHERE 'leader' = ANY(roles)`),
    )

    // deliver: every message settled once; each push matches one sent row and one used grant.
    const sent = await count(sql`SELECT count(*) AS n FROM outbox WHERE status = 'sent'`)
    expect(sent).toBeGreaterThan(0)
    expect(pushes.length).toBe(sent)
    expect(await count(sql`SELECT count(*) AS n FROM outbox WHERE status <> 'pending'`)).toBe(changed.deliver)
    expect(await count(sql`SELECT count(*) AS n FROM subscription_grants WHERE used_at IS NOT NULL`)).toBe(sent)
    expect(await count(sql`SELECT count(*) AS n FROM (SELECT outbox_id FROM subscription_grants WHERE outbox_id IS NOT NULL GROUP BY outbox_id HAVING count(*) > 1) d`)).toBe(0)
    // Due messages do not wait for a later round (and none was left under a lease by a sender that gave up).
    expect(await count(sql`SELECT count(*) AS n FROM outbox WHERE status = 'pending' AND not_before <= ${JOBS_AT}`)).toBe(0)
  })

  it('finds nothing left to do when the three run again at the same moment', async () => {
    const pushed = pushes.length
    expect(await runEverywhere()).toEqual(Object.fromEntries(JOBS.map((job) => [job, 0])))
    expect(pushes.length).toBe(pushed)
  })
})
