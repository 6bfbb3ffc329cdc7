import { isoDate } from '../calendar/calendar.schema'
import { shanghaiDate, type InstantInput } from '../calendar/shanghai-time'
import * as z from 'zod'
import { id, idempotencyKey, line, text } from '../common/zod'
import { PROBLEM_CATEGORIES, type ProblemCategory } from './problem.categories'
import { MAX_PHOTOS, PROBLEM_LIMITS as L } from './problem.limits'
import { isProblemCursor } from './problem.cursor'
import type { NextDeadline } from './problem.deadlines'
import {
  NEXT_STEP_KINDS,
  PROBLEM_STATUSES,
  type NextStepKind,
  type ProblemAction,
  type ProblemRole,
  type ProblemSource,
  type ProblemStatus,
} from './problem.machine'

/**
 * A photo is a storage key, never a data URL or an arbitrary web address:
 * - `uploads/<name>` — a file of the local host's upload store (`cloud/platform/uploads.ts` makes `uploads/<uuid>.<ext>`);
 * - `cloud://<env>/<path>` — a WeChat cloud storage file ID as returned by `wx.cloud.uploadFile`.
 * Every path segment starts with a letter, digit, '_' or '-' (so no '.' or '..' segment), and only URL-safe characters
 * are allowed. The backend still checks that the key exists and belongs to the caller's uploads.
 */
export const PHOTO_KEY_RE = /^(uploads\/[A-Za-z0-9_-][A-Za-z0-9._-]*|cloud:\/\/[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+)$/
export { MAX_PHOTOS, PROBLEM_LIMITS } from './problem.limits'

export const photoKey = z.string().trim().max(300, '图片地址过长').regex(PHOTO_KEY_RE, '图片地址不正确，请重新上传')

/** The version the client saw: the backend answers STALE_VERSION when the problem changed since. */
export const version = z.int('请刷新后重试').min(0).max(Number.MAX_SAFE_INTEGER)

const reason = text(L.reason.max, L.reason.min)
const cursor = z.string().refine(isProblemCursor, '分页游标无效，请从第一页重新加载')

export const nextStepSchema = z.strictObject({ kind: z.enum(NEXT_STEP_KINDS), date: isoDate })

export const problemSchemas = {
  submit: z.strictObject({
    category: z.enum(PROBLEM_CATEGORIES),
    title: line(L.title.max, L.title.min),
    description: text(L.description.max, L.description.min),
    photos: z
      .array(photoKey)
      .max(MAX_PHOTOS, `最多上传${MAX_PHOTOS}张图片`)
      .refine((keys) => new Set(keys).size === keys.length, '图片不能重复')
      .optional(),
    /** Staff and commissioners submit for a holder; a holder leaves it out. */
    holderId: id.optional(),
    bookingId: id.optional(),
    idempotencyKey,
  }),
  mine: z.strictObject({ status: z.enum(PROBLEM_STATUSES).optional() }),
  get: z.strictObject({ id }),
  list: z.strictObject({
    status: z.enum(PROBLEM_STATUSES).optional(),
    departmentId: id.optional(),
    category: z.enum(PROBLEM_CATEGORIES).optional(),
    overdue: z.boolean().optional(),
    escalated: z.boolean().optional(),
    leaderId: id.optional(),
    cursor: cursor.optional(),
    limit: z.int().min(1).max(100).default(20),
  }),
  answer: z.strictObject({ id, reply: text(L.reply.max, L.reply.min), version }),
  defer: z.strictObject({
    id,
    explanation: text(L.explanation.max, L.explanation.min),
    suggestion: text(L.suggestion.max, L.suggestion.min),
    nextStep: nextStepSchema,
    version,
  }),
  assign: z.strictObject({ id, departmentId: id, leaderId: id.optional(), plan: text(L.plan.max, L.plan.min).optional(), version }),
  reassign: z.strictObject({ id, departmentId: id, reason, version }),
  sign: z.strictObject({ id, version }),
  progress: z.strictObject({ id, note: text(L.note.max, L.note.min), version }),
  resolve: z.strictObject({ id, resolution: text(L.resolution.max, L.resolution.min), version }),
  sendBack: z.strictObject({ id, reason, version }),
  confirm: z.strictObject({ id, version }),
  reopen: z.strictObject({ id, reason, version }),
  escalate: z.strictObject({ id, report: text(L.report.max, L.report.min), version }),
  /** Departments and leaders to assign to and filter by (admin, leader). */
  directory: z.strictObject({}),
}

export type ProblemSubmitInput = z.infer<typeof problemSchemas.submit>
export type ProblemListInput = z.infer<typeof problemSchemas.list>

/** The year a problem is numbered in: the Shanghai year of its creation. */
export function problemYear(createdAt: InstantInput): number {
  return Number(shanghaiDate(createdAt).slice(0, 4))
}

/** Ledger number shown to people: P<Shanghai year of creation>-<6-digit sequence of that year>, e.g. P2026-000123. */
export function problemNumber(createdAt: InstantInput, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`problem sequence must be ≥ 1, got ${sequence}`)
  return `P${problemYear(createdAt)}-${String(sequence).padStart(6, '0')}`
}

export const PROBLEM_NUMBER_RE = /^P\d{4}-\d{6,}$/

export interface ProblemDeferralView {
  explanation: string
  suggestion: string
  nextStep: { kind: NextStepKind; date: string }
}

export interface ProblemView {
  id: string
  /** P2026-000123 */
  number: string
  category: ProblemCategory
  title: string
  description: string
  photos: string[]
  status: ProblemStatus
  source: ProblemSource
  /** null for a problem raised from a survey's finding (holderName then says so, contactPhone is empty). */
  holderId: string | null
  holderName: string
  /** Masked (138****1234) unless the viewer is the owner or a handler of the assigned department. */
  contactPhone: string
  bookingId: string | null
  /** The on-the-spot answer, when answered. */
  reply: string | null
  /** The explanation, suggestion and next step given when it was deferred. */
  deferral: ProblemDeferralView | null
  departmentId: string | null
  departmentName: string | null
  leaderId: string | null
  leaderName: string | null
  plan: string | null
  /** The department's solution, once resolved. */
  resolution: string | null
  escalated: boolean
  /** A deadline of the current round was missed while the department works on it. */
  overdue: boolean
  /** Optimistic-concurrency version: send it back with the next action. */
  version: number
  /** Deadlines of the current department round (ISO instants), null before the first assignment. */
  deadlines: { signBy: string; resolveBy: string } | null
  nextDeadline: NextDeadline | null
  createdAt: string
  updatedAt: string
  /** What the caller may do now (see `availableActions`). */
  availableActions: ProblemAction[]
}

/** One entry of the append-only timeline. `submit` opens it; `fromStatus` is null there. */
export interface TimelineEvent {
  id: string
  at: string
  actorName: string
  actorRole: ProblemRole
  action: ProblemAction | 'submit'
  fromStatus: ProblemStatus | null
  toStatus: ProblemStatus
  note: string | null
}

export interface ProblemDetail extends ProblemView {
  timeline: TimelineEvent[]
}

/** Response shapes of the problems area. */
export interface ProblemResponses {
  submit: { id: string; status: ProblemStatus }
  mine: { items: ProblemView[] }
  get: ProblemDetail
  /**
   * nextCursor is null on the last page. The first page (no cursor) also says how many problems match, counted up to
   * LIST_TOTAL_CAP (`more`: there are more than that), so counting stays cheap on a ledger of a million.
   */
  list: { items: ProblemView[]; nextCursor: string | null; total?: { count: number; more: boolean } }
  answer: ProblemView
  defer: ProblemView
  assign: ProblemView
  reassign: ProblemView
  sign: ProblemView
  progress: ProblemView
  resolve: ProblemView
  sendBack: ProblemView
  confirm: ProblemView
  reopen: ProblemView
  escalate: ProblemView
  directory: { departments: Array<{ id: string; name: string }>; leaders: Array<{ id: string; name: string }> }
}
