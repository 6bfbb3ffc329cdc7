import { addDays, isoWeekday, type IsoDate } from '../../src/core/calendar/shanghai-time'
import { createSession } from '../functions/stations/stations.queries'
import { forums } from './schema'
import type { Tx } from './store'

/** The second Thursday of the month after `today`'s: the demo's quarterly meeting is always ahead, on a working day. */
export function nextMonthsForumDay(today: IsoDate): IsoDate {
  // From the 1st, 31 days always land early in the next month.
  let day: IsoDate = `${addDays(`${today.slice(0, 7)}-01`, 31).slice(0, 7)}-01`
  while (isoWeekday(day) !== 4) day = addDays(day, 1)
  return addDays(day, 7)
}

/**
 * The demo's 政企面对面座谈会 next month at the centre, for 30 enterprises, with 区行政审批服务局, 区自然资源局 and
 * 区财政局 present: holders sign up and raise topics for it. Nobody has signed up yet, so the demo's bookings stay as
 * the booking tests know them.
 */
export async function seedForums(
  tx: Tx,
  deps: { newId: () => string; now: Date; today: IsoDate; adminId: string; stationId: string; departmentIds: Map<string, string> },
): Promise<void> {
  const sessionId = await createSession(
    tx,
    {
      stationId: deps.stationId,
      kind: 'forum',
      date: nextMonthsForumDay(deps.today),
      start: '09:00',
      end: '11:00',
      slotMinutes: 120,
      capacity: 30,
      departmentIds: ['XZSP', 'ZRZY', 'CZJ'].map((code) => deps.departmentIds.get(code)!),
      staffIds: [],
      fixedDayId: null,
      createdBy: deps.adminId,
    },
    deps.newId,
  )
  await tx.insert(forums).values({ sessionId: sessionId as string, format: 'symposium', title: '政企面对面座谈会', venue: '三楼会议室', createdAt: deps.now })
}
