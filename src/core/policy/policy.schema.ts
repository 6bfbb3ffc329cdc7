import { isoDate } from '../calendar/calendar.schema'
import * as z from 'zod'
import { id, idempotencyKey, line, text } from '../common/zod'
import { isProblemCursor } from '../problem/problem.cursor'
import { photoKey } from '../problem/problem.schema'
import type { ProblemStatus } from '../problem/problem.machine'
import type { PolicyAction } from './policy.machine'
import {
  POLICY_CARD_TYPES,
  POLICY_INDUSTRIES,
  POLICY_KINDS,
  POLICY_STATUSES,
  POLICY_TAGS,
  POLICY_TOPICS,
  type PolicyCardType,
  type PolicyIndustry,
  type PolicyKind,
  type PolicyStatus,
  type PolicyTag,
  type PolicyTopic,
} from './policy.labels'
import { MAX_POLICY_ATTACHMENTS, POLICY_LIMITS as L } from './policy.limits'

export { POLICY_LIMITS } from './policy.limits'

/** A list of keys of one dimension, each at most once. */
function keys<T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z
    .array(z.enum(values))
    .max(values.length)
    .refine((list) => new Set(list).size === list.length, `${what}不能重复`)
}

const cursor = z.string().refine(isProblemCursor, '分页游标无效，请从第一页重新加载')

/** An attachment: a file stored through the upload path (as a problem's photos) and the name people see. */
export const attachmentSchema = z.strictObject({ key: photoKey, name: line(L.attachmentName.max, L.attachmentName.min) })

const draft = z
  .strictObject({
    /** Leave out to create a draft; name one to change it (drafts only). */
    id: id.optional(),
    kind: z.enum(POLICY_KINDS),
    title: line(L.title.max, L.title.min),
    /** 发文单位, as printed on the document. */
    issuer: line(L.issuer.max, L.issuer.min),
    /** The publishing department: an administrator may name one; a handler's drafts are their department's. */
    departmentId: id.optional(),
    /** 文号, e.g. 威环政发〔2026〕12号. */
    docNumber: line(L.docNumber.max, L.docNumber.min).optional(),
    /** 发文日期. */
    issuedOn: isoDate.optional(),
    effectiveFrom: isoDate.optional(),
    effectiveTo: isoDate.optional(),
    /** 申报截止: matching holders who opened the policy are reminded 3 working days before. */
    applyBy: isoDate.optional(),
    summary: text(L.summary.max, L.summary.min),
    /** HTML or plain text; sanitised before it is stored (rich-text.ts). */
    body: text(L.body.max, L.body.min),
    attachments: z
      .array(attachmentSchema)
      .max(MAX_POLICY_ATTACHMENTS, `最多${MAX_POLICY_ATTACHMENTS}个附件`)
      .refine((list) => new Set(list.map((a) => a.key)).size === list.length, '附件不能重复')
      .default([]),
    industries: keys(POLICY_INDUSTRIES, '行业').default([]),
    topics: keys(POLICY_TOPICS, '主题').default([]),
    cardTypes: keys(POLICY_CARD_TYPES, '服务卡类型').default([]),
  })
  .refine((p) => !p.effectiveFrom || !p.effectiveTo || p.effectiveFrom <= p.effectiveTo, { path: ['effectiveTo'], message: '有效期截止不能早于生效日期' })

export const policySchemas = {
  list: z.strictObject({
    /** Words to find in the title, summary, 文号, issuer or full text; two Chinese characters are enough. */
    q: line(L.query.max, L.query.min).optional(),
    kind: z.enum(POLICY_KINDS).optional(),
    tag: z.enum(POLICY_TAGS as unknown as [PolicyTag, ...PolicyTag[]]).optional(),
    /**
     * 政策发布: administrators list the policies of a status, handlers their department's; everybody else may name
     * only 'published'. Left out: the published policies of every department.
     */
    status: z.enum(POLICY_STATUSES).optional(),
    cursor: cursor.optional(),
  }),
  recommended: z.strictObject({}),
  get: z.strictObject({ id }),
  save: draft,
  publish: z.strictObject({ id }),
  withdraw: z.strictObject({ id, reason: text(L.withdrawReason.max, L.withdrawReason.min) }),
  setProfile: z.strictObject({ industries: keys(POLICY_INDUSTRIES, '行业'), topics: keys(POLICY_TOPICS, '主题') }),
  ask: z.strictObject({
    id,
    title: line(60, 2),
    description: text(2000, 2),
    idempotencyKey,
  }),
  reach: z.strictObject({ id }),
}

export type PolicySaveInput = z.output<typeof policySchemas.save>
export type PolicyListInput = z.output<typeof policySchemas.list>

export interface PolicyAttachmentView {
  name: string
  /** Where to open it (an expiring link on the host, a cloud file id in the cloud). */
  url: string
  key: string
}

export interface PolicyView {
  id: string
  kind: PolicyKind
  title: string
  issuer: string
  departmentId: string | null
  departmentName: string | null
  docNumber: string | null
  issuedOn: string | null
  effectiveFrom: string | null
  effectiveTo: string | null
  applyBy: string | null
  summary: string
  industries: PolicyIndustry[]
  topics: PolicyTopic[]
  cardTypes: PolicyCardType[]
  status: PolicyStatus
  publishedAt: string | null
  withdrawnAt: string | null
  withdrawReason: string | null
  /** Whether it is for the caller's enterprise (为我推荐); false for whoever holds no card. */
  matched: boolean
}

export interface PolicyDetail extends PolicyView {
  /** Sanitised HTML. */
  body: string
  attachments: PolicyAttachmentView[]
  /** What the caller may do: edit, publish or withdraw (managers of the policy only). */
  availableActions: PolicyAction[]
  /** Whether the caller may ask a question about it (a holder, while it is published). */
  mayAsk: boolean
  /** The caller's own questions about it, newest first. */
  questions: Array<{ problemId: string; number: string; title: string; status: ProblemStatus }>
}

export interface PolicyProfile {
  industries: PolicyIndustry[]
  topics: PolicyTopic[]
  /** The type of the caller's card, which policies may target. */
  cardType: PolicyCardType
}

export interface PolicyReach {
  /** Holders with a live card whose profile matched when it was published. */
  matched: number
  /** Of them, those told in 消息中心 (and by a subscribe message where they allowed one). */
  notified: number
  /** People who opened it. */
  opened: number
  /** Questions asked about it (problems of category 政策). */
  asked: number
}

export interface PolicyResponses {
  list: { items: PolicyView[]; nextCursor: string | null }
  /** Matching first, then newest; `profile` is null for whoever holds no active card. */
  recommended: { items: PolicyView[]; profile: PolicyProfile | null }
  get: PolicyDetail
  save: PolicyDetail
  publish: PolicyDetail
  withdraw: PolicyDetail
  setProfile: PolicyProfile
  ask: { problemId: string; status: ProblemStatus }
  reach: PolicyReach
}
