import { asc, count, eq, isNotNull, isNull } from 'drizzle-orm'
import { calendarWarnings } from '../../../src/core/calendar/calendar.status'
import { CHECKLIST_ITEMS, orgSchemas, type ChecklistItem, type DistrictView, type OrgResponses } from '../../../src/core/org/org.schema'
import { calendarYears, departments, districts, fixedDays, invitations, sessions, stations } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineAction, type ActionTable } from '../action'
import { audit } from './audit'

type DistrictRow = typeof districts.$inferSelect

const toDistrictView = (row: DistrictRow): DistrictView => ({ id: row.id, name: row.name, code: row.code })

/** The district this installation serves (one per database). */
export async function currentDistrict(tx: Tx): Promise<DistrictRow | undefined> {
  const [row] = await tx.select().from(districts).orderBy(asc(districts.createdAt)).limit(1)
  return row
}

export const districtActions = {
  /** Public: every page shows the district's name, the desktop sign-in page included. */
  district: defineAction({
    input: orgSchemas.district,
    access: 'public',
    async run(_input, ctx): Promise<OrgResponses['district']> {
      const row = await currentDistrict(ctx.db)
      return { district: row ? toDistrictView(row) : null }
    },
  }),

  saveDistrict: defineAction({
    input: orgSchemas.saveDistrict,
    access: ['admin'] as const,
    async run(input, ctx): Promise<OrgResponses['saveDistrict']> {
      return ctx.db.transaction(async (tx) => {
        const before = await currentDistrict(tx)
        const values = { name: input.name, code: input.code ?? before?.code ?? null }
        const [row] = before
          ? await tx.update(districts).set(values).where(eq(districts.id, before.id)).returning()
          : await tx.insert(districts).values({ id: ctx.newId(), ...values }).returning()
        await audit(tx, {
          actorId: ctx.caller.id,
          action: 'district.save',
          targetType: 'district',
          targetId: row.id,
          before: before ? toDistrictView(before) : null,
          after: toDistrictView(row),
          at: ctx.now,
        })
        return { district: toDistrictView(row) }
      })
    },
  }),

  /** The home page of administrators (the first-run checklist) and leaders (calendar warnings). */
  overview: defineAction({
    input: orgSchemas.overview,
    access: ['admin', 'leader'] as const,
    async run(_input, ctx): Promise<OrgResponses['overview']> {
      const counted = (query: Promise<Array<{ n: number }>>) => query.then(([row]) => row.n)
      const [district, activeDepartments, stationCount, fixedDayCount, sessionCount, invited, years] = await Promise.all([
        currentDistrict(ctx.db),
        counted(ctx.db.select({ n: count() }).from(departments).where(isNull(departments.deactivatedAt))),
        counted(ctx.db.select({ n: count() }).from(stations)),
        counted(ctx.db.select({ n: count() }).from(fixedDays)),
        counted(ctx.db.select({ n: count() }).from(sessions)),
        // People invited by an administrator (the first administrator's own invitation comes from the command).
        counted(ctx.db.select({ n: count() }).from(invitations).where(isNotNull(invitations.createdBy))),
        ctx.db.select({ year: calendarYears.year }).from(calendarYears),
      ])
      const calendarWarningsNow = calendarWarnings(ctx.now, years.map((row) => row.year))
      const done: Record<ChecklistItem, boolean> = {
        district: !!district,
        departments: activeDepartments > 0,
        stations: stationCount > 0 && fixedDayCount + sessionCount > 0,
        people: invited > 0,
        calendar: calendarWarningsNow.length === 0,
      }
      const checklist = ctx.caller.roles.includes('admin')
        ? (Object.keys(CHECKLIST_ITEMS) as ChecklistItem[]).map((item) => ({ item, label: CHECKLIST_ITEMS[item], done: done[item] }))
        : []
      return { district: district ? toDistrictView(district) : null, checklist, calendarWarnings: calendarWarningsNow }
    },
  }),
} satisfies ActionTable
