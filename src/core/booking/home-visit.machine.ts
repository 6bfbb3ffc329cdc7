import type { Role } from '../auth/roles'
import { compareDates, shanghaiDate, type InstantInput, type IsoDate } from '../calendar/shanghai-time'
import { fail, type Result } from '../errors'

/**
 * An at-home visit (预约上门) is `requested` by a holder with preferred dates, `scheduled` by staff (date and staff
 * assigned; the holder sees it), then `done` after the visit, or `cancelled`.
 */
export const HOME_VISIT_STATUSES = ['requested', 'scheduled', 'done', 'cancelled'] as const
export type HomeVisitStatus = (typeof HOME_VISIT_STATUSES)[number]

export const HOME_VISIT_ACTIONS = ['schedule', 'reschedule', 'complete', 'cancel'] as const
export type HomeVisitAction = (typeof HOME_VISIT_ACTIONS)[number]

export const HOME_VISIT_STATUS_LABELS: Record<HomeVisitStatus, string> = {
  requested: '待安排',
  scheduled: '已安排',
  done: '已上门',
  cancelled: '已取消',
}

export const HOME_VISIT_ACTION_LABELS: Record<HomeVisitAction, string> = {
  schedule: '安排上门',
  reschedule: '调整上门时间',
  complete: '办结上门服务',
  cancel: '取消上门申请',
}

export interface HomeVisitActor {
  role: Role
  /** The caller is the holder who asked for the visit. */
  ownsRequest: boolean
  /** The caller is among the staff assigned to the scheduled visit. */
  assignedToVisit: boolean
}

export interface HomeVisitSituation {
  status: HomeVisitStatus
  now: InstantInput
  /** The visit date being set (schedule, reschedule). */
  date?: IsoDate
  /** The date already scheduled (complete). */
  scheduledDate?: IsoDate | null
}

const NEXT: Record<HomeVisitAction, Partial<Record<HomeVisitStatus, HomeVisitStatus>>> = {
  schedule: { requested: 'scheduled' },
  reschedule: { scheduled: 'scheduled' },
  complete: { scheduled: 'done' },
  cancel: { requested: 'cancelled', scheduled: 'cancelled' },
}

/**
 * Any staff member may pick up a request and schedule it (there is no roster yet); once scheduled, only the assigned
 * staff change or complete it. The holder may withdraw their own request until the visit is done. Admin: everything.
 */
function permitted(action: HomeVisitAction, actor: HomeVisitActor): boolean {
  if (actor.role === 'admin') return true
  if (actor.role === 'holder') return action === 'cancel' && actor.ownsRequest
  if (actor.role === 'staff') return action === 'schedule' || ((action === 'reschedule' || action === 'complete') && actor.assignedToVisit)
  return false
}

/** Decides one action on a home-visit request: permission, then status, then dates (Shanghai calendar days). */
export function decideHomeVisit(
  action: HomeVisitAction,
  actor: HomeVisitActor,
  situation: HomeVisitSituation,
): Result<HomeVisitStatus> {
  if (!permitted(action, actor)) return fail('FORBIDDEN')
  const next = NEXT[action][situation.status]
  if (!next) {
    return fail(
      'INVALID_TRANSITION',
      `上门申请当前为「${HOME_VISIT_STATUS_LABELS[situation.status]}」，不能${HOME_VISIT_ACTION_LABELS[action]}`,
    )
  }
  const today = shanghaiDate(situation.now)
  if (action === 'schedule' || action === 'reschedule') {
    if (!situation.date) return fail('VALIDATION_FAILED', '请选择上门日期')
    // Today is allowed: staff may go the same afternoon.
    if (compareDates(situation.date, today) < 0) return fail('DATE_IN_PAST', '上门日期不能早于今天')
  }
  if (action === 'complete') {
    if (!situation.scheduledDate) return fail('VALIDATION_FAILED', '上门申请尚无安排日期')
    if (compareDates(today, situation.scheduledDate) < 0) return fail('VISIT_NOT_DUE')
  }
  return { ok: true, data: next }
}
