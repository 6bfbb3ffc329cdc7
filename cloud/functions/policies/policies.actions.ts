import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { fail, isFailure } from '../../../src/core/errors'
import { decidePolicy, type PolicyAction } from '../../../src/core/policy/policy.machine'
import { POLICY_PAGE_SIZE } from '../../../src/core/policy/policy.limits'
import { recommend } from '../../../src/core/policy/policy.match'
import { policySchemas, type PolicyResponses, type PolicySaveInput } from '../../../src/core/policy/policy.schema'
import { containingPattern, policySearchText } from '../../../src/core/policy/policy.search'
import { richTextToPlain, sanitizeRichText } from '../../../src/core/policy/rich-text'
import { decodeCursor, encodeCursor } from '../../../src/core/problem/problem.cursor'
import { departments, outbox, policies, policyAudience, policyOpens, policyProfiles, policyQuestions } from '../../db/schema'
import type { Db, Tx } from '../../db/store'
import { defineAction, type ActionTable, type SignedInContext } from '../action'
import { withdraw as withdrawMessages } from '../notifications/outbox'
import { checkPhotos, referencePhotos } from '../problems/photo-uploads'
import { submitProblem } from '../problems/problem-changes'
import { inTransaction } from '../transaction'
import {
  interestsOf,
  loadPolicies,
  managedBy,
  managesPolicy,
  POLICY_WRITERS,
  profileView,
  recordOpen,
  toPolicyDetail,
  toPolicyView,
  visiblePolicy,
  type PolicyAttachment,
  type PolicyRow,
} from './policies.queries'
import { deadlineKey, noticePublished, publishedKey } from './policy-notices'

/** 为我推荐 ranks at most this many of the newest published policies, and shows this many. */
const RECOMMEND_FROM = 200
const RECOMMEND_SHOWN = 50

const NOT_FOUND = () => fail('NOT_FOUND', '政策不存在')

/** The department a draft is published under: an administrator's choice, a handler's own department. */
async function publishingDepartment(tx: Tx, ctx: SignedInContext, wanted: string | undefined) {
  const admin = ctx.caller.roles.includes('admin')
  const departmentId = admin ? (wanted ?? null) : ctx.caller.departmentId
  if (!admin && !departmentId) return fail('FORBIDDEN', '您尚未归属部门，不能编写政策')
  if (!admin && wanted && wanted !== departmentId) return fail('FORBIDDEN', '只能编写本部门的政策')
  if (departmentId) {
    const [department] = await tx.select({ deactivatedAt: departments.deactivatedAt }).from(departments).where(eq(departments.id, departmentId))
    if (!department) return fail('VALIDATION_FAILED', 'departmentId：部门不存在')
    if (department.deactivatedAt) return fail('DEPARTMENT_INACTIVE')
  }
  return { ok: true as const, departmentId }
}

async function saveDraft(input: PolicySaveInput, ctx: SignedInContext) {
  return inTransaction(ctx.db, async (tx) => {
    let existing: PolicyRow | undefined
    if (input.id) {
      ;[existing] = await tx.select().from(policies).where(eq(policies.id, input.id)).for('update')
      if (!existing || !managesPolicy(ctx.caller, existing)) return NOT_FOUND()
      const allowed = decidePolicy('save', existing.status)
      if (isFailure(allowed)) return allowed
    }
    const department = await publishingDepartment(tx, ctx, input.departmentId ?? existing?.departmentId ?? undefined)
    if (isFailure(department)) return department
    // Files already attached stay (whoever uploaded them); new ones must be the caller's own uploads.
    const kept = new Set(((existing?.attachments ?? []) as PolicyAttachment[]).map((a) => a.key))
    const added = input.attachments.map((a) => a.key).filter((key) => !kept.has(key))
    const refused = await checkPhotos(tx, ctx.caller.id, added, true)
    if (refused) return refused
    await referencePhotos(tx, ctx.caller.id, added, null, ctx.now)
    const body = sanitizeRichText(input.body)
    if (richTextToPlain(body).length < 2) return fail('VALIDATION_FAILED', 'body：正文至少2个字（脚本和样式不会保存）')
    const values = {
      kind: input.kind,
      title: input.title,
      issuer: input.issuer,
      departmentId: department.departmentId,
      docNumber: input.docNumber ?? null,
      issuedOn: input.issuedOn ?? null,
      effectiveFrom: input.effectiveFrom ?? null,
      effectiveTo: input.effectiveTo ?? null,
      applyBy: input.applyBy ?? null,
      summary: input.summary,
      body,
      searchText: policySearchText({ ...input, body }),
      attachments: input.attachments,
      industries: input.industries,
      topics: input.topics,
      cardTypes: input.cardTypes,
      updatedAt: ctx.now,
    }
    const id = existing?.id ?? ctx.newId()
    if (existing) await tx.update(policies).set(values).where(eq(policies.id, id))
    else await tx.insert(policies).values({ ...values, id, status: 'draft', listedAt: ctx.now, createdBy: ctx.caller.id, createdAt: ctx.now })
    const [saved] = await loadPolicies(tx, eq(policies.id, id), 1)
    return toPolicyDetail(tx, saved, ctx.caller, null, ctx)
  })
}

/** Publish or withdraw: the caller must manage the policy and the lifecycle must allow it. */
async function change(ctx: SignedInContext, id: string, action: Exclude<PolicyAction, 'save'>, reason?: string) {
  return inTransaction(ctx.db, async (tx) => {
    const visible = await visiblePolicy(tx, ctx.caller, id)
    if (!visible) return NOT_FOUND()
    if (!managesPolicy(ctx.caller, visible.policies)) return fail('FORBIDDEN', '只能发布或撤回本部门的政策')
    const [row] = await tx.select().from(policies).where(eq(policies.id, id)).for('update')
    const next = decidePolicy(action, row.status)
    if (isFailure(next)) return next
    const patch = action === 'publish' ? { publishedAt: ctx.now, listedAt: ctx.now } : { withdrawnAt: ctx.now, withdrawReason: reason! }
    const [updated] = await tx.update(policies).set({ ...patch, status: next.data, updatedAt: ctx.now }).where(eq(policies.id, id)).returning()
    if (action === 'publish') {
      await noticePublished(tx, updated, ctx.now)
    } else {
      // Messages about it not pushed yet are withdrawn with it (消息中心 keeps what was already told).
      const audience = await tx.select({ userId: policyAudience.userId }).from(policyAudience).where(eq(policyAudience.policyId, id))
      await withdrawMessages(tx, audience.flatMap((a) => [publishedKey(id, a.userId), deadlineKey(id, a.userId)]))
    }
    const [joined] = await loadPolicies(tx, eq(policies.id, id), 1)
    return toPolicyDetail(tx, joined, ctx.caller, null, ctx)
  })
}

export const policyActions = {
  list: defineAction({
    input: policySchemas.list,
    access: 'signedIn',
    async run(input, ctx) {
      const status = input.status ?? 'published'
      const writer = POLICY_WRITERS.some((role) => ctx.caller.roles.includes(role))
      if (status !== 'published' && !writer) return fail('FORBIDDEN', '只有管理员和部门经办人可以查看草稿和已撤回的政策')
      let after: SQL | undefined
      if (input.cursor) {
        const cursor = decodeCursor(input.cursor)
        if (isFailure(cursor)) return cursor
        after = sql`(${policies.listedAt}, ${policies.id}) < (${cursor.data.createdAt}::timestamptz, ${cursor.data.id}::uuid)`
      }
      const conditions = [
        eq(policies.status, status),
        // 政策发布 names a status: a handler manages (and so lists there) only their department's policies.
        input.status && writer ? managedBy(ctx.caller) : undefined,
        input.q ? sql`${policies.searchText} ILIKE ${containingPattern(input.q)}` : undefined,
        input.kind ? eq(policies.kind, input.kind) : undefined,
        input.tag ? sql`${input.tag.slice(input.tag.indexOf(':') + 1)} = ANY(${tagColumn(input.tag)})` : undefined,
        after,
      ]
      const [interests, rows] = await Promise.all([interestsOf(ctx.db, ctx.caller.id), loadPolicies(ctx.db, and(...conditions), POLICY_PAGE_SIZE + 1)])
      const page = rows.slice(0, POLICY_PAGE_SIZE)
      const last = page[page.length - 1]?.policies
      return {
        items: page.map((row) => toPolicyView(row, interests)),
        nextCursor: rows.length > POLICY_PAGE_SIZE && last ? encodeCursor({ createdAt: last.listedAt.toISOString(), id: last.id }) : null,
      } satisfies PolicyResponses['list']
    },
  }),

  recommended: defineAction({
    input: policySchemas.recommended,
    access: 'signedIn',
    async run(_input, ctx): Promise<PolicyResponses['recommended']> {
      const [interests, rows] = await Promise.all([interestsOf(ctx.db, ctx.caller.id), loadPolicies(ctx.db, eq(policies.status, 'published'), RECOMMEND_FROM)])
      const views = rows.map((row) => toPolicyView(row, interests))
      const ranked = recommend(
        views.map((view) => ({ ...view, publishedAt: view.publishedAt! })),
        interests,
      )
      return { items: ranked.slice(0, RECOMMEND_SHOWN), profile: interests && profileView(interests) }
    },
  }),

  get: defineAction({
    input: policySchemas.get,
    access: 'signedIn',
    async run({ id }, ctx): Promise<PolicyResponses['get'] | ReturnType<typeof NOT_FOUND>> {
      const found = await visiblePolicy(ctx.db, ctx.caller, id)
      if (!found) return NOT_FOUND()
      const interests = await interestsOf(ctx.db, ctx.caller.id)
      // Readers, not its managers, count as having opened it (reach; a withdrawn policy stays readable to them).
      if (!managesPolicy(ctx.caller, found.policies)) await recordOpen(ctx.db, id, ctx.caller.id, interests?.holderId ?? null, ctx.now)
      return toPolicyDetail(ctx.db, found, ctx.caller, interests, ctx)
    },
  }),

  save: defineAction({ input: policySchemas.save, access: POLICY_WRITERS, run: saveDraft }),

  publish: defineAction({
    input: policySchemas.publish,
    access: POLICY_WRITERS,
    run: ({ id }, ctx) => change(ctx, id, 'publish'),
  }),

  withdraw: defineAction({
    input: policySchemas.withdraw,
    access: POLICY_WRITERS,
    run: ({ id, reason }, ctx) => change(ctx, id, 'withdraw', reason),
  }),

  setProfile: defineAction({
    input: policySchemas.setProfile,
    access: ['holder'] as const,
    async run({ industries, topics }, ctx) {
      const interests = await interestsOf(ctx.db, ctx.caller.id)
      if (!interests) return fail('HOLDER_CARD_REQUIRED', '请先激活服务卡再设置企业画像')
      await ctx.db
        .insert(policyProfiles)
        .values({ holderId: interests.holderId, industries, topics, updatedBy: ctx.caller.id, updatedAt: ctx.now })
        .onConflictDoUpdate({ target: policyProfiles.holderId, set: { industries, topics, updatedBy: ctx.caller.id, updatedAt: ctx.now } })
      return profileView({ ...interests, industries, topics }) satisfies PolicyResponses['setProfile']
    },
  }),

  ask: defineAction({
    input: policySchemas.ask,
    access: ['holder'] as const,
    async run({ id, title, description, idempotencyKey }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const found = await visiblePolicy(tx, ctx.caller, id)
        if (!found) return NOT_FOUND()
        const policy = found.policies
        if (policy.status !== 'published') return fail('INVALID_TRANSITION', '该政策已撤回，不能再咨询')
        // A problem of category 政策 through the ledger's own use case: numbered, timed and followed as any other.
        const about = `（咨询政策：《${policy.title}》${policy.docNumber ? ` ${policy.docNumber}` : ''}）`
        const submitted = await submitProblem(
          { category: 'policy', title, description: `${description}\n\n${about}`, idempotencyKey },
          { ...ctx, db: tx as unknown as Db },
        )
        if (isFailure(submitted)) return submitted
        await tx.insert(policyQuestions).values({ problemId: submitted.id, policyId: id, askedBy: ctx.caller.id, askedAt: ctx.now }).onConflictDoNothing()
        return { problemId: submitted.id, status: submitted.status } satisfies PolicyResponses['ask']
      })
    },
  }),

  reach: defineAction({
    input: policySchemas.reach,
    access: ['leader', 'admin', 'handler'] as const,
    async run({ id }, ctx): Promise<PolicyResponses['reach'] | ReturnType<typeof NOT_FOUND>> {
      const [found] = await loadPolicies(ctx.db, eq(policies.id, id), 1)
      if (!found) return NOT_FOUND()
      const leads = ctx.caller.roles.includes('leader') || ctx.caller.roles.includes('admin')
      if (!leads && !managesPolicy(ctx.caller, found.policies)) return fail('FORBIDDEN', '只能查看本部门发布的政策的触达情况')
      const told = ctx.db
        .select({ key: sql`'policy.published:' || ${policyAudience.policyId} || ':' || ${policyAudience.userId}` })
        .from(policyAudience)
        .where(eq(policyAudience.policyId, id))
      const [[matched], [notified], [opened], [asked]] = await Promise.all([
        ctx.db.select({ n: count() }).from(policyAudience).where(eq(policyAudience.policyId, id)),
        ctx.db.select({ n: count() }).from(outbox).where(inArray(outbox.dedupeKey, told)),
        ctx.db.select({ n: count() }).from(policyOpens).where(eq(policyOpens.policyId, id)),
        ctx.db.select({ n: count() }).from(policyQuestions).where(eq(policyQuestions.policyId, id)),
      ])
      return { matched: matched.n, notified: notified.n, opened: opened.n, asked: asked.n }
    },
  }),
} satisfies ActionTable

function tagColumn(tag: string) {
  return tag.startsWith('industry:') ? policies.industries : tag.startsWith('topic:') ? policies.topics : policies.cardTypes
}
