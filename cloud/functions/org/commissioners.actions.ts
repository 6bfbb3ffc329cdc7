import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { fail } from '../../../src/core/errors'
import { orgSchemas, type CommissionerAssignmentView, type OrgResponses } from '../../../src/core/org/org.schema'
import { commissionerAssignments, holders, users } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineAction, type ActionTable } from '../action'
import { inTransaction } from '../transaction'
import { audit } from './audit'

const ADMIN = ['admin'] as const

async function assignmentViews(tx: Tx, filter: { commissionerId?: string; holderId?: string }): Promise<CommissionerAssignmentView[]> {
  const rows = await tx
    .select({
      commissionerId: commissionerAssignments.commissionerId,
      commissionerName: users.name,
      holderId: commissionerAssignments.holderId,
      holderName: holders.name,
      holderType: holders.type,
      assignedAt: commissionerAssignments.assignedAt,
    })
    .from(commissionerAssignments)
    .innerJoin(users, eq(users.id, commissionerAssignments.commissionerId))
    .innerJoin(holders, eq(holders.id, commissionerAssignments.holderId))
    .where(
      and(
        filter.commissionerId ? eq(commissionerAssignments.commissionerId, filter.commissionerId) : undefined,
        filter.holderId ? eq(commissionerAssignments.holderId, filter.holderId) : undefined,
      ),
    )
    .orderBy(users.name, desc(commissionerAssignments.assignedAt))
    .limit(1000)
  return rows.map((row) => ({ ...row, assignedAt: new Date(row.assignedAt).toISOString() }))
}

export const commissionerAssignmentActions = {
  commissionerAssignments: defineAction({
    input: orgSchemas.commissionerAssignments,
    access: ADMIN,
    async run({ commissionerId }, ctx): Promise<OrgResponses['commissionerAssignments']> {
      return { items: await assignmentViews(ctx.db, { commissionerId }) }
    },
  }),

  /** A commissioner keeps regular contact with the enterprises and projects assigned to them. Assigning twice is one assignment. */
  assignCommissioner: defineAction({
    input: orgSchemas.assignCommissioner,
    access: ADMIN,
    async run({ commissionerId, holderId }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const [commissioner] = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, commissionerId), sql`'commissioner' = ANY(${users.roles})`, isNull(users.deactivatedAt)))
        if (!commissioner) return fail('VALIDATION_FAILED', '所选的人不是在岗的特派员')
        const [holder] = await tx.select({ id: holders.id }).from(holders).where(eq(holders.id, holderId))
        if (!holder) return fail('VALIDATION_FAILED', '服务对象不存在')
        const added = await tx.insert(commissionerAssignments).values({ commissionerId, holderId, assignedAt: ctx.now }).onConflictDoNothing().returning()
        if (added.length > 0) {
          await audit(tx, { actorId: ctx.caller.id, action: 'commissioner.assign', targetType: 'assignment', targetId: `${commissionerId}:${holderId}`, after: { commissionerId, holderId }, at: ctx.now })
        }
        const [assignment] = await assignmentViews(tx, { commissionerId, holderId })
        return { assignment } satisfies OrgResponses['assignCommissioner']
      })
    },
  }),

  unassignCommissioner: defineAction({
    input: orgSchemas.unassignCommissioner,
    access: ADMIN,
    async run({ commissionerId, holderId }, ctx): Promise<OrgResponses['unassignCommissioner']> {
      return inTransaction(ctx.db, async (tx) => {
        const removed = await tx
          .delete(commissionerAssignments)
          .where(and(eq(commissionerAssignments.commissionerId, commissionerId), eq(commissionerAssignments.holderId, holderId)))
          .returning()
        if (removed.length > 0) {
          // The assignment row goes; the audit event keeps that it existed and when it ended.
          const before = { commissionerId, holderId, assignedAt: new Date(removed[0].assignedAt).toISOString() }
          await audit(tx, { actorId: ctx.caller.id, action: 'commissioner.unassign', targetType: 'assignment', targetId: `${commissionerId}:${holderId}`, before, at: ctx.now })
        }
        return { removed: removed.length > 0 }
      })
    },
  }),
} satisfies ActionTable
