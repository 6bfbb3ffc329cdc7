import { asc, eq } from 'drizzle-orm'
import { isoWeekday } from '../../../src/core/calendar/shanghai-time'
import { holidayName, packageYear } from '../../../src/core/calendar/working-days'
import { orgSchemas, type CalendarView, type OrgResponses } from '../../../src/core/org/org.schema'
import { calendarDays, calendarYears, users } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineAction, type ActionTable } from '../action'
import { audit } from './audit'

async function calendarView(tx: Tx, year: number): Promise<CalendarView> {
  const [confirmed] = await tx
    .select({ confirmedAt: calendarYears.confirmedAt, confirmedByName: users.name })
    .from(calendarYears)
    .leftJoin(users, eq(users.id, calendarYears.confirmedBy))
    .where(eq(calendarYears.year, year))
  if (confirmed) {
    const days = await tx.select({ date: calendarDays.date, off: calendarDays.off }).from(calendarDays).where(eq(calendarDays.year, year)).orderBy(asc(calendarDays.date))
    return {
      year,
      source: 'district',
      confirmed: true,
      confirmedAt: confirmed.confirmedAt.toISOString(),
      confirmedByName: confirmed.confirmedByName,
      days: days.map((day) => ({ ...day, name: holidayName(day.date) })),
    }
  }
  // Not confirmed: what chinese-days knows, for the administrator to check against the notice and confirm.
  const days = packageYear(year)
  return { year, source: days.length > 0 ? 'chinese-days' : 'none', confirmed: false, confirmedAt: null, confirmedByName: null, days }
}

export const calendarActions = {
  calendar: defineAction({
    input: orgSchemas.calendar,
    access: ['admin', 'leader'] as const,
    async run({ year }, ctx): Promise<OrgResponses['calendar']> {
      return { calendar: await calendarView(ctx.db, year) }
    },
  }),

  /**
   * The district confirms a year: its days off and 调休 working days as the State Council's notice gives them. Days that
   * change nothing (a weekend "off", a weekday "working") are dropped. Deadlines computed from now on follow it.
   */
  saveCalendar: defineAction({
    input: orgSchemas.saveCalendar,
    access: ['admin'] as const,
    async run({ year, days }, ctx): Promise<OrgResponses['saveCalendar']> {
      const exceptions = days.filter((day) => (isoWeekday(day.date) <= 5) === day.off)
      const saved = await ctx.db.transaction(async (tx) => {
        const before = await calendarView(tx, year)
        await tx
          .insert(calendarYears)
          .values({ year, confirmedBy: ctx.caller.id, confirmedAt: ctx.now })
          .onConflictDoUpdate({ target: calendarYears.year, set: { confirmedBy: ctx.caller.id, confirmedAt: ctx.now } })
        await tx.delete(calendarDays).where(eq(calendarDays.year, year))
        if (exceptions.length > 0) await tx.insert(calendarDays).values(exceptions.map((day) => ({ ...day, year })))
        const after = await calendarView(tx, year)
        const plain = (view: CalendarView) => ({ year, source: view.source, days: view.days.map(({ date, off }) => ({ date, off })) })
        await audit(tx, { actorId: ctx.caller.id, action: 'calendar.save', targetType: 'calendar', targetId: String(year), before: plain(before), after: plain(after), at: ctx.now })
        return after
      })
      ctx.calendarSource.invalidate()
      return { calendar: saved }
    },
  }),
} satisfies ActionTable
