import { and, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { PolicyCardType, PolicyIndustry, PolicyKind, PolicyTopic } from '../../../src/core/policy/policy.labels'
import { policyActions, policyVisible } from '../../../src/core/policy/policy.machine'
import { policyMatches, type HolderInterests } from '../../../src/core/policy/policy.match'
import type { PolicyDetail, PolicyProfile, PolicyView } from '../../../src/core/policy/policy.schema'
import type { ProblemStatus } from '../../../src/core/problem/problem.machine'
import { departments, holders, policies, policyOpens, policyProfiles, policyQuestions, problems } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { Caller, Services } from '../action'
import { activeCardOf } from '../bookings/bookings.queries'

export type PolicyRow = typeof policies.$inferSelect
export interface PolicyAttachment {
  key: string
  name: string
}

/**
 * Who manages a policy: administrators every one, department handlers their own department's. Only they see drafts,
 * and only they publish and withdraw.
 */
export function managesPolicy(caller: Caller, policy: Pick<PolicyRow, 'departmentId'>): boolean {
  if (caller.roles.includes('admin')) return true
  return caller.roles.includes('handler') && caller.departmentId !== null && policy.departmentId === caller.departmentId
}

/** Who may write policies at all. */
export const POLICY_WRITERS = ['admin', 'handler'] as const

/** Which policies a caller may manage, as a condition (undefined: all of them, for an administrator). */
export function managedBy(caller: Caller): SQL | undefined {
  if (caller.roles.includes('admin')) return undefined
  if (caller.roles.includes('handler') && caller.departmentId) return eq(policies.departmentId, caller.departmentId)
  return sql`false`
}

/** The caller as a holder matched against policies: their active card's holder, its type and profile; null without one. */
export async function interestsOf(tx: Tx, userId: string): Promise<(HolderInterests & { holderId: string }) | null> {
  const card = await activeCardOf(tx, userId)
  if (!card) return null
  const [row] = await tx
    .select({ type: holders.type, industries: policyProfiles.industries, topics: policyProfiles.topics })
    .from(holders)
    .leftJoin(policyProfiles, eq(policyProfiles.holderId, holders.id))
    .where(eq(holders.id, card.holderId))
  return {
    holderId: card.holderId,
    cardType: row.type,
    industries: (row.industries ?? []) as PolicyIndustry[],
    topics: (row.topics ?? []) as PolicyTopic[],
  }
}

export function profileView(interests: HolderInterests): PolicyProfile {
  return { industries: [...interests.industries], topics: [...interests.topics], cardType: interests.cardType }
}

type Joined = { policies: PolicyRow; departmentName: string | null }

/** Policies with their department's name, newest listed first. */
export async function loadPolicies(tx: Tx, where: SQL | undefined, limit: number): Promise<Joined[]> {
  return tx
    .select({ policies, departmentName: departments.name })
    .from(policies)
    .leftJoin(departments, eq(departments.id, policies.departmentId))
    .where(where)
    .orderBy(desc(policies.listedAt), desc(policies.id))
    .limit(limit)
}

const iso = (value: Date | null) => (value ? value.toISOString() : null)

export function toPolicyView({ policies: row, departmentName }: Joined, interests: HolderInterests | null): PolicyView {
  const targets = {
    industries: row.industries as PolicyIndustry[],
    topics: row.topics as PolicyTopic[],
    cardTypes: row.cardTypes as PolicyCardType[],
  }
  return {
    id: row.id,
    kind: row.kind as PolicyKind,
    title: row.title,
    issuer: row.issuer,
    departmentId: row.departmentId,
    departmentName,
    docNumber: row.docNumber,
    issuedOn: row.issuedOn,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    applyBy: row.applyBy,
    summary: row.summary,
    ...targets,
    status: row.status,
    publishedAt: iso(row.publishedAt),
    withdrawnAt: iso(row.withdrawnAt),
    withdrawReason: row.withdrawReason,
    matched: interests !== null && policyMatches(targets, interests),
  }
}

/**
 * One policy as the caller may see it, or null when it does not exist for them: a draft only to its managers, a
 * withdrawn one to its managers and whoever opened it before.
 */
export async function visiblePolicy(tx: Tx, caller: Caller, id: string): Promise<Joined | null> {
  const [found] = await loadPolicies(tx, eq(policies.id, id), 1)
  if (!found) return null
  const manages = managesPolicy(caller, found.policies)
  if (found.policies.status === 'published' || manages) return found
  const [opened] = await tx
    .select({ at: policyOpens.openedAt })
    .from(policyOpens)
    .where(and(eq(policyOpens.policyId, id), eq(policyOpens.userId, caller.id)))
  return policyVisible(found.policies.status, { manages, opened: !!opened }) ? found : null
}

/** The detail: the view, the body, signed links to the attachments, what the caller may do, their questions. */
export async function toPolicyDetail(
  tx: Tx,
  joined: Joined,
  caller: Caller,
  interests: HolderInterests | null,
  ctx: Pick<Services, 'photoLinks'> & { now: Date },
): Promise<PolicyDetail> {
  const row = joined.policies
  const questions = await tx
    .select({ problemId: problems.id, number: problems.number, title: problems.title, status: problems.status })
    .from(policyQuestions)
    .innerJoin(problems, eq(problems.id, policyQuestions.problemId))
    .where(and(eq(policyQuestions.policyId, row.id), eq(policyQuestions.askedBy, caller.id)))
    .orderBy(desc(policyQuestions.askedAt))
  return {
    ...toPolicyView(joined, interests),
    body: row.body,
    attachments: (row.attachments as PolicyAttachment[]).map((a) => ({ key: a.key, name: a.name, url: ctx.photoLinks.sign(a.key, ctx.now) })),
    availableActions: policyActions(row.status, managesPolicy(caller, row)),
    mayAsk: row.status === 'published' && caller.roles.includes('holder'),
    questions: questions.map((q) => ({ ...q, status: q.status as ProblemStatus })),
  }
}

/** Records that the caller opened the policy (the first time only): reach, and who may still read it once withdrawn. */
export async function recordOpen(tx: Tx, policyId: string, userId: string, holderId: string | null, now: Date): Promise<void> {
  await tx.insert(policyOpens).values({ policyId, userId, holderId, openedAt: now }).onConflictDoNothing()
}
