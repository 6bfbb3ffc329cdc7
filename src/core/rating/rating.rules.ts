import type { Role } from '../auth/roles'
import type { InstantInput } from '../calendar/shanghai-time'
import type { WorkingDayOptions } from '../calendar/working-days'
import { fail, ok, type Result } from '../errors'
import type { ProblemStatus } from '../problem/problem.machine'
import {
  isBadRating,
  isRatingLevel,
  RATING_DIMENSIONS,
  type AppealStatus,
  type RatingDimension,
  type RatingKind,
  type RectificationStatus,
} from './rating.levels'
import { ratingMonth, type Month } from './rating.month'
import {
  checkRectificationStep,
  rectificationAfterRemoval,
  rectificationDeadlines,
  type RectificationDeadlines,
} from './rating.rectification'

/**
 * Who may rate, follow up and appeal, after DESIGN.md §2 "Ratings" (一次一评, 一事一评):
 *
 *   action        who                                   when
 *   submit        the holder served                     the target is served; no initial rating yet
 *   followUp      the holder who rated                  bad initial rating, rectified, not removed; no follow-up yet
 *   appeal        a handler of the rating's department  bad initial rating; appealStatus 'none' (once)
 *   decideAppeal  an admin                              appealStatus 'pending'; uphold → upheld, remove → removed
 *   (return visit and rectification: see rating.rectification.ts)
 *
 * Decisions:
 * - Served: a visit once the holder was checked in; a problem once 'resolved' or 'closed' (a rating asks how it was
 *   handled, so it waits for the outcome). An initial rating is checked before service, so a problem reopened after
 *   being rated answers ALREADY_RATED rather than NOT_SERVED_YET: 一事一评 holds for the whole life of the problem.
 * - A follow-up (追评) is the holder's verdict on the rectification and ends the story: it never opens another
 *   rectification (there could be no second follow-up to judge it) and never counts in scores, so appealing it is
 *   pointless and refused. Only a bad rating can be appealed: an appeal is against a malicious 差评.
 * - A pending appeal does not block the follow-up or the rectification; only removal withdraws them.
 * - Checks run in a fixed order: permission (a stranger learns nothing), the rating's state, then the free text.
 */

export interface RatingActor {
  role: Role
  /** The caller is (a user of) the holder the visit, problem or rating belongs to. */
  isHolder: boolean
  /** The caller is a handler of the rating's department. */
  inDepartment: boolean
}

/** The service to be rated, as far as "served" goes. */
export type RatedTarget =
  | { targetType: 'visit'; checkedInAt: InstantInput | null }
  | { targetType: 'problem'; status: ProblemStatus }

/** An on-the-spot answer is a service as much as a department's resolution: both can be rated before the holder confirms. */
export const SERVED_PROBLEM_STATUSES = ['answered', 'resolved', 'closed'] as const satisfies readonly ProblemStatus[]

export function isServed(target: RatedTarget): boolean {
  return target.targetType === 'visit'
    ? target.checkedInAt != null
    : (SERVED_PROBLEM_STATUSES as readonly ProblemStatus[]).includes(target.status)
}

/** The derived fields of a new rating row, and the rectification it opens (status 'open') if any. */
export interface RatingDraft {
  kind: RatingKind
  bad: boolean
  month: Month
  rectification: ({ status: 'open' } & RectificationDeadlines) | null
}

type Levels = Readonly<Record<RatingDimension, number>>

/** Levels are validated at the edge (ratingSchemas); anything else reaching here is a bug. */
function assertLevels(scores: Levels): void {
  for (const dimension of RATING_DIMENSIONS) {
    if (!isRatingLevel(scores[dimension])) throw new RangeError(`${dimension} must be a level 1–5, got ${scores[dimension]}`)
  }
}

const blank = (value: string | undefined) => !value || value.trim().length === 0

export interface SubmitSituation {
  actor: Pick<RatingActor, 'role' | 'isHolder'>
  target: RatedTarget
  /** The target already has its initial rating. */
  initialExists: boolean
  scores: Levels
  now: InstantInput
  calendar?: WorkingDayOptions
}

/** 首次评价: the holder served rates once; a bad rating opens its rectification with deadlines from now. */
export function decideSubmit(situation: SubmitSituation): Result<RatingDraft> {
  const { actor, scores, now } = situation
  assertLevels(scores)
  if (actor.role !== 'holder' || !actor.isHolder) return fail('FORBIDDEN', '只有接受服务的持卡人本人可以评价')
  if (situation.initialExists) return fail('ALREADY_RATED')
  if (!isServed(situation.target)) return fail('NOT_SERVED_YET')
  const bad = isBadRating(scores)
  return ok({
    kind: 'initial',
    bad,
    month: ratingMonth(now),
    rectification: bad ? { status: 'open', ...rectificationDeadlines(now, situation.calendar) } : null,
  })
}

/** What the rules need to know of an existing rating. */
export interface RatingState {
  kind: RatingKind
  bad: boolean
  appealStatus: AppealStatus
  /** Status of its rectification; null when it has none (not bad, or a follow-up). */
  rectificationStatus: RectificationStatus | null
  /** For an initial rating: its follow-up exists already. */
  followUpExists: boolean
}

function checkFollowUp(actor: Pick<RatingActor, 'role' | 'isHolder'>, rating: RatingState): Result<null> {
  if (actor.role !== 'holder' || !actor.isHolder) return fail('FORBIDDEN', '只有评价人本人可以追评')
  if (rating.kind !== 'initial') return fail('FOLLOW_UP_NOT_ALLOWED', '只能对首次评价追评')
  if (rating.followUpExists) return fail('ALREADY_RATED', '您已追评过，不能重复追评')
  if (!rating.bad) return fail('FOLLOW_UP_NOT_ALLOWED', '只有差评经整改后才能追评')
  if (rating.appealStatus === 'removed') return fail('FOLLOW_UP_NOT_ALLOWED', '该评价已申诉核销，不能追评')
  if (rating.rectificationStatus !== 'rectified') return fail('FOLLOW_UP_NOT_ALLOWED', '部门整改反馈后才能追评')
  return ok(null)
}

export interface FollowUpSituation {
  actor: Pick<RatingActor, 'role' | 'isHolder'>
  /** The initial rating followed up. */
  rating: RatingState
  scores: Levels
  now: InstantInput
}

/** 追评: once, after the department rectified a bad rating. Opens no rectification (see the header). */
export function decideFollowUp(situation: FollowUpSituation): Result<RatingDraft> {
  assertLevels(situation.scores)
  const checked = checkFollowUp(situation.actor, situation.rating)
  if (!checked.ok) return checked
  return ok({ kind: 'followUp', bad: isBadRating(situation.scores), month: ratingMonth(situation.now), rectification: null })
}

function checkAppeal(actor: Pick<RatingActor, 'role' | 'inDepartment'>, rating: RatingState): Result<null> {
  if (actor.role !== 'handler' || !actor.inDepartment) return fail('FORBIDDEN', '只有被评价部门的经办人可以申诉')
  if (rating.appealStatus !== 'none') return fail('ALREADY_APPEALED')
  if (rating.kind !== 'initial') return fail('APPEAL_NOT_ALLOWED', '追评不计入考核，无需申诉')
  if (!rating.bad) return fail('APPEAL_NOT_ALLOWED', '只能对差评提出申诉')
  return ok(null)
}

export interface AppealSituation {
  actor: Pick<RatingActor, 'role' | 'inDepartment'>
  rating: RatingState
  reason: string
}

/** 申诉: the rating's department appeals a bad rating once; an admin decides. */
export function decideAppeal(situation: AppealSituation): Result<{ appealStatus: 'pending' }> {
  const checked = checkAppeal(situation.actor, situation.rating)
  if (!checked.ok) return checked
  if (blank(situation.reason)) return fail('VALIDATION_FAILED', '请说明申诉理由')
  return ok({ appealStatus: 'pending' })
}

function checkAppealDecision(actor: Pick<RatingActor, 'role'>, rating: RatingState): Result<null> {
  if (actor.role !== 'admin') return fail('FORBIDDEN', '只有管理员可以裁决申诉')
  if (rating.appealStatus !== 'pending') return fail('APPEAL_NOT_PENDING')
  return ok(null)
}

export interface AppealDecisionSituation {
  actor: Pick<RatingActor, 'role'>
  rating: RatingState
  /** true: the rating stands (upheld); false: it is removed from scores. */
  uphold: boolean
  reason: string
}

export interface AppealDecision {
  appealStatus: 'upheld' | 'removed'
  /** The rectification's status after the decision (an unfinished one is withdrawn on removal); null if none. */
  rectificationStatus: RectificationStatus | null
}

/**
 * 裁决: upheld → the rating counts as before and its rectification goes on; removed → it stays in the record, marked,
 * out of the scores, and an unfinished rectification is withdrawn. Either way the admin gives a reason.
 */
export function decideAppealDecision(situation: AppealDecisionSituation): Result<AppealDecision> {
  const { rating, uphold } = situation
  const checked = checkAppealDecision(situation.actor, rating)
  if (!checked.ok) return checked
  if (blank(situation.reason)) return fail('VALIDATION_FAILED', '请说明裁决理由')
  return ok(
    uphold
      ? { appealStatus: 'upheld', rectificationStatus: rating.rectificationStatus }
      : { appealStatus: 'removed', rectificationStatus: rectificationAfterRemoval(rating.rectificationStatus) },
  )
}

/** What can be done to an existing rating, in the order of the buttons. */
export const RATING_ACTIONS = ['followUp', 'recordReturnVisit', 'rectify', 'appeal', 'decideAppeal'] as const
export type RatingAction = (typeof RATING_ACTIONS)[number]

export const RATING_ACTION_LABELS: Record<RatingAction, string> = {
  followUp: '追评',
  recordReturnVisit: '记录回访',
  rectify: '整改反馈',
  appeal: '申诉',
  decideAppeal: '裁决申诉',
}

/** The actions this caller may take on this rating now, for the UI; the free text is asked by the form. */
export function availableRatingActions(actor: RatingActor, rating: RatingState): RatingAction[] {
  return RATING_ACTIONS.filter((action) => {
    switch (action) {
      case 'followUp':
        return checkFollowUp(actor, rating).ok
      case 'recordReturnVisit':
      case 'rectify':
        return rating.rectificationStatus !== null && checkRectificationStep(action, actor, rating.rectificationStatus).ok
      case 'appeal':
        return checkAppeal(actor, rating).ok
      case 'decideAppeal':
        return checkAppealDecision(actor, rating).ok
    }
  })
}
