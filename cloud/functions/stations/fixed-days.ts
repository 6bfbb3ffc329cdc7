import { and, eq, gte } from 'drizzle-orm'
import { shanghaiDate, shanghaiInstant } from '../../../src/core/calendar/shanghai-time'
import type { WorkingDayOptions } from '../../../src/core/calendar/working-days'
import { isFailure, type Failure } from '../../../src/core/errors'
import { planFixedDaySessions } from '../../../src/core/station/session.plan'
import { fixedDays, sessions } from '../../db/schema'
import type { Db, Tx } from '../../db/store'
import { createSession } from './stations.queries'
import { inTransaction } from '../transaction'

/** How far ahead a fixed day's sessions exist: from the day it is added, and kept so by the 'serviceDays' job. */
export const FIXED_DAY_WEEKS = 8

type FixedDayRow = typeof fixedDays.$inferSelect

/**
 * Creates the fixed day's sessions of the coming FIXED_DAY_WEEKS that do not exist yet, holidays skipped and past
 * starts left out. A date that has a session (a cancelled one too) is left alone, so an admin's cancellation stands.
 * Returns the ids created.
 */
export async function planFixedDayAhead(tx: Tx, row: FixedDayRow, now: Date, calendar: WorkingDayOptions, newId: () => string): Promise<string[] | Failure> {
  const today = shanghaiDate(now)
  const rule = { weekday: row.weekday, start: row.startTime, end: row.endTime, validFrom: row.validFrom, validTo: row.validTo }
  const existing = await tx
    .select({ date: sessions.date })
    .from(sessions)
    .where(and(eq(sessions.fixedDayId, row.id), gte(sessions.date, today)))
  const taken = new Set(existing.map((s) => s.date))
  const planned = planFixedDaySessions(rule, { from: today, weeks: FIXED_DAY_WEEKS }, calendar).filter(
    (session) => !taken.has(session.date) && shanghaiInstant(session.date, session.start) > now,
  )
  const created: string[] = []
  for (const session of planned) {
    const id = await createSession(
      tx,
      {
        stationId: row.stationId,
        kind: 'station',
        ...session,
        slotMinutes: row.slotMinutes,
        capacity: row.capacity,
        departmentIds: row.departmentIds,
        staffIds: row.staffIds,
        fixedDayId: row.id,
        createdBy: row.createdBy,
      },
      newId,
    )
    if (isFailure(id)) return id
    if (id) created.push(id)
  }
  return created
}

/**
 * The 'serviceDays' job: every fixed day still valid gets the week that came into view since the last run, so
 * "every Tuesday" goes on being bookable eight weeks ahead until the fixed day's end. Returns the sessions created.
 */
export async function planFixedDays(db: Db, now: Date, calendar: WorkingDayOptions, newId: () => string): Promise<number> {
  const rows = await db.select().from(fixedDays).where(gte(fixedDays.validTo, shanghaiDate(now)))
  let created = 0
  for (const row of rows) {
    const ids = await inTransaction(db, (tx) => planFixedDayAhead(tx, row, now, calendar, newId))
    // A stored fixed day was valid when it was added; a failure here is a bug, not bad input.
    if (isFailure(ids)) throw new Error(`fixed day ${row.id}: ${ids.error.message}`)
    created += ids.length
  }
  return created
}
