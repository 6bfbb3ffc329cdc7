/**
 * The monthly report on a production database that is not set up yet: with no department it must neither freeze the
 * month as done nor store anything, so the month's report appears once the district has its departments (issue 11,
 * item 6: before, a timer run on a fresh database recorded the month with 0 rows and it answered REPORT_NOT_READY for
 * good). In process on PostgreSQL.
 */
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { departments, districts, jobRuns, monthlyReports } from '../../cloud/db/schema'
import { generateMonthlyReports } from '../../cloud/functions/reports/monthly.job'
import { describeOnPostgres, emptyStore } from '../support/seeded-store'

jest.setTimeout(60_000)

const DECEMBER_1 = new Date('2026-12-01T09:00:00+08:00')
const DECEMBER_2 = new Date('2026-12-02T09:00:00+08:00')

describeOnPostgres('the monthly report job on a district not set up yet', () => {
  const fresh = emptyStore()

  const recorded = async () => fresh.store.db.select().from(jobRuns)
  const rows = async () => (await fresh.store.db.select({ month: monthlyReports.month, departmentId: monthlyReports.departmentId }).from(monthlyReports)).map((r) => `${r.month} ${r.departmentId}`)

  it('skips the month while there is no department, without recording it', async () => {
    expect(await generateMonthlyReports(fresh.store.db, DECEMBER_1)).toBe(0)
    expect(await generateMonthlyReports(fresh.store.db, DECEMBER_1)).toBe(0)
    expect(await recorded()).toEqual([])
    expect(await rows()).toEqual([])
  })

  it('skips it too when the only departments were deactivated before the month began', async () => {
    const districtId = randomUUID()
    await fresh.store.db.insert(districts).values({ id: districtId, name: '环翠区' })
    await fresh.store.db.insert(departments).values({ id: randomUUID(), districtId, name: '旧部门', code: 'OLD', deactivatedAt: new Date('2026-10-15T09:00:00+08:00') })
    expect(await generateMonthlyReports(fresh.store.db, DECEMBER_1)).toBe(0)
    expect(await recorded()).toEqual([])
  })

  it('generates the month once the district has departments, then never again', async () => {
    const [district] = await fresh.store.db.select().from(districts)
    const [zrzy, xzsp, closed] = [randomUUID(), randomUUID(), randomUUID()]
    await fresh.store.db.insert(departments).values([
      { id: zrzy, districtId: district.id, name: '区自然资源局', code: 'ZRZY' },
      { id: xzsp, districtId: district.id, name: '区行政审批服务局', code: 'XZSP' },
      // Deactivated during November: it worked part of the month, so it keeps its November row.
      { id: closed, districtId: district.id, name: '区撤并办', code: 'CBB', deactivatedAt: new Date('2026-11-20T09:00:00+08:00') },
    ])
    expect(await generateMonthlyReports(fresh.store.db, DECEMBER_2)).toBe(3)
    expect((await rows()).sort()).toEqual([`2026-11 ${zrzy}`, `2026-11 ${xzsp}`, `2026-11 ${closed}`].sort())
    expect(await recorded()).toEqual([expect.objectContaining({ job: 'monthlyReport', period: '2026-11', result: { created: 3 } })])
    expect(await generateMonthlyReports(fresh.store.db, DECEMBER_2)).toBe(0)
    expect(await fresh.store.db.select().from(jobRuns).where(eq(jobRuns.period, '2026-11'))).toHaveLength(1)
  })
})
