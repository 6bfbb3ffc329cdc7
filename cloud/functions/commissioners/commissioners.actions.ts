import { and, count, eq, inArray, max, ne } from 'drizzle-orm'
import { checkContactTime, commissionerSchemas, contactCadence, type CommissionerResponses, type ContactView } from '../../../src/core/commissioner/commissioner.schema'
import { fail, isFailure } from '../../../src/core/errors'
import { commissionerAssignments, contacts, holders, problems } from '../../db/schema'
import { defineAction, type ActionTable } from '../action'

const COMMISSIONER = ['commissioner'] as const

function toContactView(row: typeof contacts.$inferSelect): ContactView {
  return { id: row.id, holderId: row.holderId, commissionerId: row.commissionerId, kind: row.kind, at: row.at.toISOString(), note: row.note, createdAt: row.createdAt.toISOString() }
}

export const commissionerActions = {
  assignees: defineAction({
    input: commissionerSchemas.assignees,
    access: COMMISSIONER,
    async run(_input, ctx): Promise<CommissionerResponses['assignees']> {
      const assigned = await ctx.db
        .select({ holder: holders, assignedAt: commissionerAssignments.assignedAt })
        .from(commissionerAssignments)
        .innerJoin(holders, eq(commissionerAssignments.holderId, holders.id))
        .where(eq(commissionerAssignments.commissionerId, ctx.caller.id))
        .orderBy(holders.name)
      if (assigned.length === 0) return { items: [] }
      const holderIds = assigned.map((a) => a.holder.id)
      const [lastContacts, open] = await Promise.all([
        ctx.db
          .select({ holderId: contacts.holderId, last: max(contacts.at) })
          .from(contacts)
          .where(and(eq(contacts.commissionerId, ctx.caller.id), inArray(contacts.holderId, holderIds)))
          .groupBy(contacts.holderId),
        ctx.db
          .select({ holderId: problems.holderId, n: count() })
          .from(problems)
          .where(and(inArray(problems.holderId, holderIds), ne(problems.status, 'closed')))
          .groupBy(problems.holderId),
      ])
      return {
        items: assigned.map(({ holder, assignedAt }) => {
          const last = lastContacts.find((c) => c.holderId === holder.id)?.last ?? null
          const cadence = contactCadence({ lastContactAt: last, assignedAt }, ctx.now)
          return {
            holderId: holder.id,
            name: holder.name,
            type: holder.type,
            lastContactAt: last?.toISOString() ?? null,
            openProblems: open.find((o) => o.holderId === holder.id)?.n ?? 0,
            contactDueBy: cadence.dueBy,
            contactOverdue: cadence.overdue,
          }
        }),
      }
    },
  }),

  logContact: defineAction({
    input: commissionerSchemas.logContact,
    access: COMMISSIONER,
    async run(input, ctx) {
      const when = checkContactTime(input.at, ctx.now)
      if (isFailure(when)) return when
      const [assignment] = await ctx.db
        .select({ holderId: commissionerAssignments.holderId })
        .from(commissionerAssignments)
        .where(and(eq(commissionerAssignments.commissionerId, ctx.caller.id), eq(commissionerAssignments.holderId, input.holderId)))
      if (!assignment) return fail('NOT_FOUND', '该企业或项目不在您的联系名单中')
      const values = {
        id: ctx.newId(),
        commissionerId: ctx.caller.id,
        holderId: input.holderId,
        kind: input.kind,
        at: new Date(input.at),
        note: input.note,
        idempotencyKey: input.idempotencyKey ?? null,
        createdAt: ctx.now,
      }
      const [created] = await ctx.db.insert(contacts).values(values).onConflictDoNothing().returning()
      if (created) return toContactView(created) satisfies CommissionerResponses['logContact']
      const [first] = await ctx.db
        .select()
        .from(contacts)
        .where(and(eq(contacts.commissionerId, ctx.caller.id), eq(contacts.idempotencyKey, input.idempotencyKey!)))
      return toContactView(first)
    },
  }),
} satisfies ActionTable
