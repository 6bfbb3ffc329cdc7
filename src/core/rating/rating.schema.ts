import { wrongFormat } from '../common/field-messages'
import * as z from 'zod'
import { empty, id, text } from '../common/zod'
import {
  APPEAL_STATUSES,
  RATING_LEVELS,
  RATING_TARGET_TYPES,
  RECTIFICATION_STATUSES,
  type AppealStatus,
  type RatingKind,
  type RatingLevel,
  type RatingTargetType,
  type RectificationStatus,
} from './rating.levels'
import { RATING_LIMITS as L } from './rating.limits'
import { isMonth, type Month } from './rating.month'
import type { RectificationDeadlineKind } from './rating.rectification'
import type { RatingAction } from './rating.rules'
import type { ScoreSummary } from './rating.scores'

/** Inputs of the `ratings` area's actions (DESIGN.md §3 transport: `{ action, ...payload }`). */

// A literal set rather than an integer range, so the parsed value has the type RatingLevel and 4.5 or '4' is refused.
const level = (label: string) => z.literal(RATING_LEVELS, `请为「${label}」选择1–5的评价等级`)

const scores = {
  attitude: level('服务态度'),
  quality: level('办理质量'),
  effectiveness: level('办理效果'),
  comment: text(L.comment.max).optional(),
}

export const yearMonth = z.string().trim().refine(isMonth, { error: wrongFormat('2026-12') })

export const ratingSchemas = {
  /** What the caller (a holder) has been served and not rated yet. */
  pending: empty,
  /** The caller's own ratings (initial ones, each with its follow-up beside it), newest first. */
  mine: empty,
  submit: z.strictObject({ targetType: z.enum(RATING_TARGET_TYPES, '请选择评价对象类型'), targetId: id, ...scores }),
  /** ratingId: the initial rating followed up. */
  followUp: z.strictObject({ ratingId: id, ...scores }),
  /** The caller's department's rectifications (all for an admin or leader), optionally by status and appeal status. */
  rectifications: z.strictObject({ status: z.enum(RECTIFICATION_STATUSES).optional(), appeal: z.enum(APPEAL_STATUSES).optional() }),
  recordReturnVisit: z.strictObject({ ratingId: id, note: text(L.returnVisitNote.max, L.returnVisitNote.min) }),
  rectify: z.strictObject({ ratingId: id, note: text(L.rectifyNote.max, L.rectifyNote.min) }),
  appeal: z.strictObject({ ratingId: id, reason: text(L.appealReason.max, L.appealReason.min) }),
  decideAppeal: z.strictObject({
    ratingId: id,
    uphold: z.boolean('请选择维持评价或核销评价'),
    reason: text(L.decisionReason.max, L.decisionReason.min),
  }),
  scores: z.strictObject({ month: yearMonth, departmentId: id.optional() }),
}

export type RatingSubmitInput = z.infer<typeof ratingSchemas.submit>
export type RatingFollowUpInput = z.infer<typeof ratingSchemas.followUp>
export type RatingScoresInput = z.infer<typeof ratingSchemas.scores>

/** Instants are ISO 8601 strings (UTC), as everywhere in the transport. */
export interface RectificationView {
  status: RectificationStatus
  returnVisitBy: string
  rectifyBy: string
  returnVisitNote: string | null
  returnVisitedAt: string | null
  /** null until the return visit is recorded. */
  returnVisitOnTime: boolean | null
  rectificationNote: string | null
  rectifiedAt: string | null
  /** null until rectified. */
  rectifiedOnTime: boolean | null
  /** Deadlines missed while their step is still not done (see missedRectificationDeadlines). */
  overdue: RectificationDeadlineKind[]
}

export interface RatingView {
  id: string
  targetType: RatingTargetType
  targetId: string
  /** What was rated: the problem's title, or the session's name and date. */
  title: string
  kind: RatingKind
  attitude: RatingLevel
  quality: RatingLevel
  effectiveness: RatingLevel
  comment: string | null
  bad: boolean
  departmentId: string | null
  departmentName: string | null
  appealStatus: AppealStatus
  appealReason: string | null
  appealDecisionReason: string | null
  createdAt: string
  /** Only a bad initial rating has one. */
  rectification: RectificationView | null
  /** What the caller may do now (see availableRatingActions). */
  availableActions: RatingAction[]
  /** On an initial rating: its follow-up (追评), shown beside it; null on a follow-up and while there is none. */
  followUp: RatingView | null
}

/**
 * One 差评整改 task as the department, leaders and admins list it: the task, whose rating it is, and the rating with
 * its follow-up and the caller's actions. The phone is masked for anyone but a handler of the rating's department.
 */
export interface RectificationItem extends RectificationView {
  ratingId: string
  departmentId: string | null
  departmentName: string | null
  holderName: string
  contactName: string
  contactPhone: string
  rating: RatingView
}

/** A service the holder may rate now. servedAt: check-in of a visit, resolution of a problem (ISO). */
export interface PendingRatingView {
  targetType: RatingTargetType
  targetId: string
  title: string
  servedAt: string
}

export interface ScoresView {
  month: Month
  departments: ({ departmentId: string; name: string } & ScoreSummary)[]
  staff: ({ staffId: string; name: string; departmentId: string | null } & ScoreSummary)[]
}

/** What each action of the `ratings` area answers with (`data` of `{ ok: true, data }`). */
export interface RatingResponses {
  pending: { items: PendingRatingView[] }
  mine: { items: RatingView[] }
  /** The new initial rating. */
  submit: RatingView
  /** The initial rating, with the new follow-up beside it. */
  followUp: RatingView
  rectifications: { items: RectificationItem[] }
  recordReturnVisit: RectificationItem
  rectify: RectificationItem
  appeal: RectificationItem
  decideAppeal: RectificationItem
  scores: ScoresView
}
