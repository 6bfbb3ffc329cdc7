import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { compareDates, shanghaiDate } from '../../../src/core/calendar/shanghai-time'
import { decideHomeVisit, type HomeVisitAction, type HomeVisitActor } from '../../../src/core/booking/home-visit.machine'
import { bookingSchemas, type BookingResponses, type HomeVisitView } from '../../../src/core/booking/booking.schema'
import { fail, isFailure } from '../../../src/core/errors'
import { holders, homeVisits } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineAction, type SignedInContext, type ActionTable, type Caller } from '../action'
import { inTransaction } from '../transaction'
import { enqueue } from '../notifications/outbox'
import { checkRoster } from '../stations/stations.queries'
import { activeCardOf } from './bookings.queries'

type HomeVisitRow = typeof homeVisits.$inferSelect

const isStaffSide = (caller: Caller) => caller.roles.some((role) => role === 'staff' || role === 'admin')

async function views(tx: Tx, rows: HomeVisitRow[]): Promise<HomeVisitView[]> {
  if (rows.length === 0) return []
  const names = await tx
    .select({ id: holders.id, name: holders.name })
    .from(holders)
    .where(inArray(holders.id, [...new Set(rows.map((r) => r.holderId))]))
  const nameOf = new Map(names.map((n) => [n.id, n.name]))
  return rows.map((r) => ({
    id: r.id,
    holderId: r.holderId,
    holderName: nameOf.get(r.holderId) ?? '',
    status: r.status,
    address: r.address,
    topic: r.topic,
    problemText: r.problemText,
    preferredDates: r.preferredDates,
    date: r.date,
    staffIds: r.staffIds,
    createdAt: r.createdAt.toISOString(),
  }))
}

function actorFor(caller: Caller, row: HomeVisitRow): HomeVisitActor {
  const role = caller.roles.includes('admin') ? 'admin' : caller.roles.includes('staff') ? 'staff' : 'holder'
  return { role, ownsRequest: row.userId === caller.id, assignedToVisit: row.staffIds.includes(caller.id) }
}

/** Loads a request the caller may see, decides the action with the core rules and applies `change` on success. */
async function act(
  ctx: SignedInContext,
  requestId: string,
  action: HomeVisitAction,
  date: string | undefined,
  change: (row: HomeVisitRow, tx: Tx) => Partial<HomeVisitRow>,
) {
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(homeVisits).where(eq(homeVisits.id, requestId)).for('update')
    if (!row || (!isStaffSide(ctx.caller) && row.userId !== ctx.caller.id)) return fail('NOT_FOUND', '上门服务申请不存在')
    const decided = decideHomeVisit(action, actorFor(ctx.caller, row), { status: row.status, now: ctx.now, date, scheduledDate: row.date })
    if (isFailure(decided)) return decided
    const [updated] = await tx
      .update(homeVisits)
      .set({ ...change(row, tx), status: decided.data, updatedAt: ctx.now })
      .where(eq(homeVisits.id, requestId))
      .returning()
    if (action === 'schedule' || action === 'reschedule') {
      await enqueue(
        tx,
        [
          {
            userId: row.userId,
            template: 'homeVisit.scheduled',
            data: { requestId, date: updated.date, topic: row.topic },
            dedupeKey: `homeVisit.scheduled:${requestId}:${updated.date}`,
            notBefore: ctx.now,
          },
        ],
        ctx.now,
      )
    }
    const [view] = await views(tx, [updated])
    return view
  })
}

export const homeVisitActions = {
  requestHomeVisit: defineAction({
    input: bookingSchemas.requestHomeVisit,
    access: ['holder'] as const,
    async run(input, ctx) {
      const today = shanghaiDate(ctx.now)
      if (input.preferredDates.some((d) => compareDates(d, today) < 0)) return fail('DATE_IN_PAST', '期望日期不能早于今天')
      return inTransaction(ctx.db, async (tx) => {
        const card = await activeCardOf(tx, ctx.caller.id)
        if (!card) return fail('HOLDER_CARD_REQUIRED')
        await tx
          .insert(homeVisits)
          .values({
            id: ctx.newId(),
            userId: ctx.caller.id,
            holderId: card.holderId,
            status: 'requested',
            address: input.address,
            topic: input.topic,
            problemText: input.problemText ?? null,
            preferredDates: [...input.preferredDates].sort(),
            idempotencyKey: input.idempotencyKey,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .onConflictDoNothing()
        const rows = await tx
          .select()
          .from(homeVisits)
          .where(and(eq(homeVisits.userId, ctx.caller.id), eq(homeVisits.idempotencyKey, input.idempotencyKey)))
        const [view] = await views(tx, rows)
        return view satisfies BookingResponses['requestHomeVisit']
      })
    },
  }),

  homeVisits: defineAction({
    input: bookingSchemas.homeVisits,
    access: 'signedIn',
    async run(_input, ctx): Promise<BookingResponses['homeVisits']> {
      const rows = await ctx.db
        .select()
        .from(homeVisits)
        .where(isStaffSide(ctx.caller) ? undefined : eq(homeVisits.userId, ctx.caller.id))
        .orderBy(sql`${homeVisits.status} IN ('done', 'cancelled')`, desc(homeVisits.createdAt))
        .limit(200)
      return { items: await views(ctx.db, rows) }
    },
  }),

  scheduleHomeVisit: defineAction({
    input: bookingSchemas.scheduleHomeVisit,
    access: ['staff', 'admin'] as const,
    async run({ requestId, date, staffIds, note }, ctx) {
      const invalid = await checkRoster(ctx.db, { staffIds, departmentIds: [] })
      if (invalid) return invalid
      const [current] = await ctx.db.select({ status: homeVisits.status }).from(homeVisits).where(eq(homeVisits.id, requestId))
      const action = current?.status === 'scheduled' ? 'reschedule' : 'schedule'
      return act(ctx, requestId, action, date, () => ({ date, staffIds, note: note ?? null }))
    },
  }),

  cancelHomeVisit: defineAction({
    input: bookingSchemas.cancelHomeVisit,
    access: 'signedIn',
    async run({ requestId, reason }, ctx) {
      return act(ctx, requestId, 'cancel', undefined, () => ({ note: reason }))
    },
  }),

  completeHomeVisit: defineAction({
    input: bookingSchemas.completeHomeVisit,
    access: ['staff', 'admin'] as const,
    async run({ requestId, note }, ctx) {
      return act(ctx, requestId, 'complete', undefined, (row) => ({ note: note ?? row.note }))
    },
  }),
} satisfies ActionTable
