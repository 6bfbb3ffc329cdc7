import { randomUUID } from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import { fixedDays, sessions, stations } from '../../cloud/db/schema'
import type { Store } from '../../cloud/db/store'
import { planFixedDays } from '../../cloud/functions/stations/fixed-days'
import { apiClient } from '../support/api'
import { startHost, type RunningHost } from '../support/host'
import { describeOnPostgres, seededStore } from '../support/seeded-store'

jest.setTimeout(90_000)

// chinese-days has no 2027 yet: the district enters the notice's days. Tuesday 9 February 2027 is made a day off.
const CALENDAR = { overrides: { '2027-02-09': false } }
const at = (instant: string) => new Date(instant)

// In process on PostgreSQL; the host test below covers PGlite.
describeOnPostgres('fixed service days keep eight weeks ahead (the serviceDays job)', () => {
  const seeded = seededStore('2026-12-28T08:00:00+08:00')
  let store: Store
  let fixedDayId: string

  beforeAll(async () => {
    store = seeded.store
    const [station] = await store.db.select().from(stations).limit(1)
    const admin = await seeded.caller('admin-demo')
    fixedDayId = randomUUID()
    // Every Tuesday 09:00–11:00 until the end of February 2027, added as the admin's addFixedDay would store it.
    await store.db.insert(fixedDays).values({
      id: fixedDayId,
      stationId: station.id,
      weekday: 2,
      startTime: '09:00',
      endTime: '11:00',
      slotMinutes: 30,
      capacity: 3,
      validFrom: '2026-12-28',
      validTo: '2027-02-28',
      departmentIds: [],
      staffIds: [],
      createdBy: admin.id,
    })
  })

  const datesOf = async () =>
    (await store.db.select({ date: sessions.date, status: sessions.status }).from(sessions).where(eq(sessions.fixedDayId, fixedDayId)).orderBy(asc(sessions.date))).map(
      (s) => `${s.date}${s.status === 'cancelled' ? ' cancelled' : ''}`,
    )

  it('plans the coming eight weeks, without the configured day off, and nothing twice', async () => {
    const monday = at('2026-12-28T08:00:00+08:00')
    expect(await planFixedDays(store.db, monday, CALENDAR, randomUUID)).toBe(7)
    expect(await datesOf()).toEqual(['2026-12-29', '2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02', '2027-02-16'])
    expect(await planFixedDays(store.db, monday, CALENDAR, randomUUID)).toBe(0)
  })

  it('adds the weeks that come into view, within the fixed day’s validity, and leaves a cancelled date cancelled', async () => {
    await store.db.update(sessions).set({ status: 'cancelled', cancelReason: '场地检修', cancelledAt: at('2026-12-30T10:00:00+08:00') }).where(and(eq(sessions.fixedDayId, fixedDayId), eq(sessions.date, '2027-02-16')))
    // Two weeks later the window reaches 7 March: 23 February comes in; 2 March is after the fixed day's end.
    const later = at('2027-01-11T08:00:00+08:00')
    // Ours gains one; the two seeded fixed days (Tuesdays, Thursdays) gain two each.
    expect(await planFixedDays(store.db, later, CALENDAR, randomUUID)).toBe(5)
    expect(await datesOf()).toEqual(['2026-12-29', '2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02', '2027-02-16 cancelled', '2027-02-23'])
    expect(await planFixedDays(store.db, later, CALENDAR, randomUUID)).toBe(0)
  })
})

describe('HOLIDAY_OVERRIDES in the host (PGlite)', () => {
  let host: RunningHost

  // Monday 2 November 2026, 09:00; Tuesday 3 November is declared a day off, so sign-for is due by the end of Wednesday.
  beforeAll(async () => {
    host = await startHost('pglite', { CLOCK_START: '2026-11-02T09:00:00+08:00', HOLIDAY_OVERRIDES: '{"2026-11-03": false}' })
  })
  afterAll(async () => {
    await host?.stop()
  })

  it('moves a problem’s working-day deadlines past the configured day off', async () => {
    const api = apiClient(host.url)
    const [holder, staff, admin] = await Promise.all(['holder-demo', 'staff-demo', 'admin-demo'].map((user) => api.login(user)))
    const { id } = await api.data('problems', 'submit', { category: 'land', title: '用地指标', description: '二期厂房用地指标如何申请？', idempotencyKey: 'calendar-override-1' }, holder)
    await api.data(
      'problems',
      'defer',
      { id, version: 0, explanation: '须区自然资源局核定', suggestion: '准备项目备案材料', nextStep: { kind: 'fixedDay', date: '2026-11-10' } },
      staff,
    )
    const { departments } = await api.data('problems', 'directory', {}, admin)
    const zrzy = departments.find((d: { name: string }) => d.name === '区自然资源局')
    const assigned = await api.data('problems', 'assign', { id, version: 1, departmentId: zrzy.id }, admin)
    expect(assigned.deadlines.signBy).toBe('2026-11-04T15:59:59.999Z')
  })
})
