import { desc, eq, lt } from 'drizzle-orm'
import { AUDIT_ACTIONS, orgSchemas, type AuditAction, type OrgResponses } from '../../../src/core/org/org.schema'
import { auditEvents, users } from '../../db/schema'
import { defineAction, type ActionTable } from '../action'

const PAGE = 50

/** One line an administrator reads: what happened to whom or what. */
function summaryOf(action: AuditAction, before: unknown, after: unknown): string {
  const facts = { ...(before as Record<string, unknown> | null), ...(after as Record<string, unknown> | null) }
  const name = typeof facts.name === 'string' ? facts.name : null
  if (action === 'calendar.save' && typeof facts.year === 'number') return `${AUDIT_ACTIONS[action]}：${facts.year}年`
  return name ? `${AUDIT_ACTIONS[action]}：${name}` : AUDIT_ACTIONS[action]
}

export const auditActions = {
  audit: defineAction({
    input: orgSchemas.audit,
    access: ['admin'] as const,
    async run({ before, limit }, ctx): Promise<OrgResponses['audit']> {
      const size = limit ?? PAGE
      const rows = await ctx.db
        .select({ event: auditEvents, actorName: users.name })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorId))
        .where(before ? lt(auditEvents.id, before) : undefined)
        .orderBy(desc(auditEvents.id))
        .limit(size + 1)
      const items = rows.slice(0, size).map(({ event, actorName }) => ({
        id: event.id,
        at: event.at.toISOString(),
        actorName: actorName ?? '初始化命令',
        action: event.action as AuditAction,
        targetType: event.targetType,
        targetId: event.targetId,
        summary: summaryOf(event.action as AuditAction, event.before, event.after),
        before: event.before,
        after: event.after,
      }))
      return { items, nextBefore: rows.length > size ? items[items.length - 1].id : null }
    },
  }),
} satisfies ActionTable
