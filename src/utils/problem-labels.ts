import type { DeadlineKind, NextDeadline } from '@/core/problem/problem.deadlines'
import type { ProblemStatus } from '@/core/problem/problem.labels'
import { dayText } from '@/utils/time'

/** The core's problem labels under the names the pages use, and what only the pages need. */
export {
  PROBLEM_STATUSES as PROBLEM_STATUS_ORDER,
  PROBLEM_STATUS_LABELS as STATUS_LABELS,
  PROBLEM_ACTION_LABELS as ACTION_LABELS,
  PROBLEM_CATEGORIES as CATEGORY_ORDER,
  PROBLEM_CATEGORY_LABELS as CATEGORY_LABELS,
  PROBLEM_SOURCE_LABELS as SOURCE_LABELS,
  NEXT_STEP_KINDS as NEXT_STEP_KIND_ORDER,
  NEXT_STEP_LABELS as NEXT_STEP_KIND_LABELS,
  PROBLEM_ROLE_LABELS as ROLE_LABELS_WITH_SYSTEM,
} from '@/core/problem/problem.labels'

/** Short names of the deadlines as the lists show them. */
export const DEADLINE_LABELS: Record<DeadlineKind, string> = { sign: '签收期限', resolve: '办结期限' }

/** NutUI Tag colours per problem status. */
export const PROBLEM_TAG: Record<ProblemStatus, 'success' | 'warning' | 'danger' | 'default' | 'primary'> = {
  submitted: 'warning',
  answered: 'success',
  deferred: 'warning',
  assigned: 'primary',
  in_progress: 'primary',
  resolved: 'success',
  closed: 'default',
}

/** '签收期限 明天' / '办结期限 3月26日 周四' of a problem's next deadline, seen from now. */
export function deadlineText(deadline: NextDeadline, now: number = Date.now()): string {
  return `${DEADLINE_LABELS[deadline.kind]} ${dayText(deadline.at, now)}`
}
