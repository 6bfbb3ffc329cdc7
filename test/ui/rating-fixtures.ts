import type { PendingRatingView, RatingView, RectificationItem, RectificationView, ScoresView } from '@/core/rating/rating.schema'
import type { ScoreSummary } from '@/core/rating/rating.scores'

export const RATING_ID = 'bbbbbbbb-0000-4000-8000-000000000001'
export const VISIT_ID = 'cccccccc-0000-4000-8000-000000000001'
export const PROBLEM_TARGET_ID = 'aaaaaaaa-0000-4000-8000-000000000001'

export const ratingId = (n: number) => `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`

export function pendingView(over: Partial<PendingRatingView> = {}): PendingRatingView {
  return { targetType: 'visit', targetId: VISIT_ID, title: '环翠区政务服务中心流动站 3月12日', servedAt: '2030-03-12T01:10:00.000Z', ...over }
}

export function rectificationView(over: Partial<RectificationView> = {}): RectificationView {
  return {
    status: 'open',
    returnVisitBy: '2030-03-13T15:59:59.999Z',
    rectifyBy: '2030-04-02T15:59:59.999Z',
    returnVisitNote: null,
    returnVisitedAt: null,
    returnVisitOnTime: null,
    rectificationNote: null,
    rectifiedAt: null,
    rectifiedOnTime: null,
    overdue: [],
    ...over,
  }
}

export function ratingView(over: Partial<RatingView> = {}): RatingView {
  return {
    id: RATING_ID,
    targetType: 'visit',
    targetId: VISIT_ID,
    title: '环翠区政务服务中心流动站 3月12日',
    kind: 'initial',
    attitude: 4,
    quality: 4,
    effectiveness: 2,
    comment: '材料跑了两趟还没办完',
    bad: true,
    departmentId: 'd1',
    departmentName: '区行政审批服务局',
    appealStatus: 'none',
    appealReason: null,
    appealDecisionReason: null,
    createdAt: '2030-03-12T02:00:00.000Z',
    rectification: rectificationView(),
    availableActions: [],
    followUp: null,
    ...over,
  }
}

/** A task as `ratings.rectifications` lists it; `rating` overrides go to the rating inside. */
export function rectificationItem(over: Partial<RectificationItem> = {}, rating: Partial<RatingView> = {}): RectificationItem {
  const view = ratingView({ id: over.ratingId ?? RATING_ID, ...rating })
  return {
    ...(view.rectification ?? rectificationView()),
    ratingId: view.id,
    departmentId: view.departmentId,
    departmentName: view.departmentName,
    holderName: '威海海川科技有限公司',
    contactName: '张海',
    contactPhone: '13812345678',
    rating: view,
    ...over,
  }
}

export function summary(over: Partial<ScoreSummary> = {}): ScoreSummary {
  return {
    count: 4,
    attitude: 4.3,
    quality: 4,
    effectiveness: 3.5,
    satisfiedCount: 3,
    satisfactionRate: 0.75,
    badCount: 1,
    rectifiedCount: 1,
    rectifiedOnTime: 1,
    ...over,
  }
}

export function scoresView(over: Partial<ScoresView> = {}): ScoresView {
  return {
    month: '2030-03',
    departments: [
      { departmentId: 'd1', name: '区行政审批服务局', ...summary() },
      { departmentId: 'd2', name: '区自然资源局', ...summary({ count: 3, attitude: 5, quality: 5, effectiveness: 5, satisfiedCount: 3, satisfactionRate: 1, badCount: 0, rectifiedCount: 0, rectifiedOnTime: 0 }) },
    ],
    staff: [{ staffId: 's1', name: '王芳（流动站）', departmentId: 'd1', ...summary({ count: 2, satisfiedCount: 1, satisfactionRate: 0.5 }) }],
    ...over,
  }
}
