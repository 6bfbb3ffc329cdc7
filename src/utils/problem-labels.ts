import type { ProblemCategory } from '@/core/problem/problem.categories'
import type { DeadlineKind, NextDeadline } from '@/core/problem/problem.deadlines'
import type { NextStepKind, ProblemAction, ProblemRole, ProblemSource, ProblemStatus } from '@/core/problem/problem.machine'
import { ROLE_LABELS } from '@/core/auth/roles'
import { shanghaiDate } from '@/core/calendar/shanghai-time'

/**
 * Labels of the problem ledger for the pages. The core's label tables live in files that import zod
 * (problem.categories.ts → common/zod) and chinese-days (problem.deadlines.ts → working-days), which the main package
 * must not load, so they are copied here with the core's types: a missing or extra key fails the type check, and
 * test/ui/problem-labels.test.tsx checks that every label equals the core's.
 */
export const PROBLEM_STATUS_ORDER: readonly ProblemStatus[] = ['submitted', 'answered', 'deferred', 'assigned', 'in_progress', 'resolved', 'closed']

export const STATUS_LABELS: Record<ProblemStatus, string> = {
  submitted: '待受理',
  answered: '已当场答复',
  deferred: '待交办',
  assigned: '待签收',
  in_progress: '办理中',
  resolved: '已办结待确认',
  closed: '已销号',
}

export const ACTION_LABELS: Record<ProblemAction, string> = {
  answer: '当场答复',
  defer: '暂缓办理',
  assign: '交办',
  reassign: '改派',
  sign: '签收',
  progress: '报告进展',
  resolve: '办结',
  sendBack: '退回',
  confirm: '确认销号',
  reopen: '重新办理',
  escalate: '专报',
  markOverdue: '标记超期',
}

export const CATEGORY_ORDER: readonly ProblemCategory[] = [
  'approval',
  'planning',
  'land',
  'environment',
  'policy',
  'funding',
  'labour',
  'financing',
  'talent',
  'other',
]

export const CATEGORY_LABELS: Record<ProblemCategory, string> = {
  approval: '立项',
  planning: '规划',
  land: '土地',
  environment: '环评',
  policy: '政策',
  funding: '资金',
  labour: '用工',
  financing: '融资',
  talent: '人才',
  other: '其他',
}

export const SOURCE_LABELS: Record<ProblemSource, string> = {
  holder: '持卡人自主提交',
  staff: '工作人员代为登记',
  commissioner: '特派员提交',
}

export const NEXT_STEP_KIND_ORDER: readonly NextStepKind[] = ['fixedDay', 'homeVisit']

export const NEXT_STEP_KIND_LABELS: Record<NextStepKind, string> = {
  fixedDay: '下个固定日办理',
  homeVisit: '预约上门办理',
}

export const ROLE_LABELS_WITH_SYSTEM: Record<ProblemRole, string> = { ...ROLE_LABELS, system: '系统' }

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

/** 'MM-DD' of an instant in Asia/Shanghai. */
export function shanghaiMonthDay(instant: string): string {
  return shanghaiDate(instant).slice(5)
}

/** '签收期限 03-12' / '办结期限 03-26' of a problem's next deadline. */
export function deadlineText(deadline: NextDeadline): string {
  return `${DEADLINE_LABELS[deadline.kind]} ${shanghaiMonthDay(deadline.at)}`
}
