import { addDays, endOfShanghaiDay, shanghaiDate, type IsoDate } from '../calendar/shanghai-time'
import { isWorkingDay, type WorkingDayOptions } from '../calendar/working-days'
import { DEADLINE_REMINDER_WORKING_DAYS } from './policy.limits'

/**
 * The day an application deadline (申报截止) is reminded of: the `n`-th working day before the deadline day, so that
 * three working days remain to apply (deadline Monday 19 Oct 2026 → reminder Wednesday 14 Oct; over a holiday the
 * reminder moves earlier). Counting back from a day off works the same: only working days count.
 */
export function deadlineReminderDay(deadline: IsoDate, calendar: WorkingDayOptions, n: number = DEADLINE_REMINDER_WORKING_DAYS): IsoDate {
  let day = deadline
  for (let counted = 0; counted < n; ) {
    day = addDays(day, -1)
    if (isWorkingDay(day, calendar)) counted++
  }
  return day
}

/**
 * Whether the reminder of a deadline is due now: from the reminder day on, until the deadline day has ended. A policy
 * published closer to its deadline than that reminds at once; one whose deadline has passed never does.
 */
export function deadlineReminderDue(deadline: IsoDate, now: Date, calendar: WorkingDayOptions): boolean {
  const today = shanghaiDate(now)
  return today >= deadlineReminderDay(deadline, calendar) && now.getTime() <= endOfShanghaiDay(deadline).getTime()
}
