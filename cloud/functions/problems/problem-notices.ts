import { and, eq, inArray, ne, or, sql } from 'drizzle-orm'
import { cards, departments, users } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { ProblemNoticeData } from '../../../src/core/notification/notification.templates'
import { enqueue } from '../notifications/outbox'
import type { ProblemRow } from './problems.queries'

export type ProblemNotice = 'assigned' | 'answered' | 'signed' | 'resolved' | 'escalated' | 'overdue' | 'sentBack'

const leadersOf = (row: ProblemRow) =>
  row.leaderId ? eq(users.id, row.leaderId) : sql`'leader' = ANY(${users.roles})`

/** Who hears of which change: the people who must act on it or who asked to be told. */
async function recipients(tx: Tx, notice: ProblemNotice, row: ProblemRow): Promise<string[]> {
  const ids = (rows: Array<{ id: string | null }>) => rows.map((r) => r.id).filter((id): id is string => id !== null)
  switch (notice) {
    case 'assigned': {
      // The department's handlers act on it; the responsible leader, when one was named (一个问题、一名领导), follows it.
      const handlers = row.departmentId ? and(eq(users.departmentId, row.departmentId), sql`'handler' = ANY(${users.roles})`) : undefined
      const leader = row.leaderId ? eq(users.id, row.leaderId) : undefined
      return handlers || leader ? ids(await tx.select({ id: users.id }).from(users).where(or(handlers, leader))) : []
    }
    case 'answered':
    case 'signed':
    case 'resolved':
      // A problem raised from a survey's finding has no enterprise to tell: the administrators who raised it follow it in the ledger.
      if (!row.holderId) return []
      return ids(await tx.select({ id: cards.userId }).from(cards).where(and(eq(cards.holderId, row.holderId), ne(cards.status, 'revoked'))))
    case 'escalated': {
      // The departments the district marked as receiving special reports: the organisation department and the supervision office.
      const offices = tx.select({ id: departments.id }).from(departments).where(eq(departments.receivesEscalations, true))
      return ids(await tx.select({ id: users.id }).from(users).where(or(sql`'leader' = ANY(${users.roles})`, inArray(users.departmentId, offices))))
    }
    case 'overdue':
      return ids(await tx.select({ id: users.id }).from(users).where(leadersOf(row)))
    case 'sentBack':
      return ids(await tx.select({ id: users.id }).from(users).where(sql`'admin' = ANY(${users.roles})`))
  }
}

/**
 * Stores the notifications of one problem change in its transaction; the version makes each change notify once.
 * `extra` adds template facts (the missed deadline of an overdue notice).
 */
export async function noticeProblem(tx: Tx, notice: ProblemNotice, row: ProblemRow, now: Date, extra: Partial<ProblemNoticeData> = {}): Promise<void> {
  const people = await recipients(tx, notice, row)
  if (people.length === 0) return
  const [department] = row.departmentId ? await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, row.departmentId)) : []
  const data: ProblemNoticeData = { problemId: row.id, number: row.number, title: row.title, status: row.status, departmentName: department?.name ?? null, ...extra }
  await enqueue(
    tx,
    people.map((userId) => ({
      userId,
      template: `problem.${notice}`,
      // The named leader follows an assigned problem: told so in a leader's words, not asked to sign for it.
      data: notice === 'assigned' && userId === row.leaderId ? { ...data, forLeader: true } : { ...data },
      dedupeKey: `problem.${notice}:${row.id}:${row.version}:${userId}`,
      notBefore: now,
    })),
    now,
  )
}
