import { ROLES, ROLE_LABELS, type Role } from '../auth/roles'

/**
 * The problem ledger's names and labels, in a file that loads nothing heavy (no zod, no holiday table): the mini
 * program's main package shows them, and the machine, categories and schemas build on them.
 */

/**
 * Categories of the problem ledger (诉求台帐, 分门别类落实到单位). Keys are stable ASCII (stored, filtered on, used in
 * reports); labels are what people read. Order is the order of the picker.
 */
export const PROBLEM_CATEGORIES = [
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
] as const
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number]

export const PROBLEM_CATEGORY_LABELS: Record<ProblemCategory, string> = {
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

export const PROBLEM_STATUSES = ['submitted', 'answered', 'deferred', 'assigned', 'in_progress', 'resolved', 'closed'] as const
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number]

export const PROBLEM_ACTIONS = [
  'answer',
  'defer',
  'assign',
  'reassign',
  'sign',
  'progress',
  'resolve',
  'sendBack',
  'confirm',
  'reopen',
  'escalate',
  'markOverdue',
] as const
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number]

/** The roles of people, plus `system` for scheduled jobs. */
export const PROBLEM_ROLES = [...ROLES, 'system'] as const
export type ProblemRole = Role | 'system'

export const PROBLEM_ROLE_LABELS: Record<ProblemRole, string> = { ...ROLE_LABELS, system: '系统' }

export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  submitted: '待受理',
  answered: '已当场答复',
  deferred: '待交办',
  assigned: '待签收',
  in_progress: '办理中',
  resolved: '已办结待确认',
  closed: '已销号',
}

export const PROBLEM_ACTION_LABELS: Record<ProblemAction, string> = {
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

/** Where a problem came from (shown in the ledger and counted in reports). */
/**
 * survey: raised by an administrator from a survey's finding (企业评判), with no enterprise behind it; forum: a topic an
 * enterprise raised for a 政企座谈会 that the meeting did not settle, handed on by an administrator.
 */
export const PROBLEM_SOURCES = ['holder', 'staff', 'commissioner', 'survey', 'forum'] as const
export type ProblemSource = (typeof PROBLEM_SOURCES)[number]

export const PROBLEM_SOURCE_LABELS: Record<ProblemSource, string> = {
  holder: '持卡人自主提交',
  staff: '工作人员代为登记',
  commissioner: '特派员提交',
  survey: '企业评判问卷',
  forum: '政企座谈会议题',
}

export const NEXT_STEP_KINDS = ['fixedDay', 'homeVisit'] as const
export type NextStepKind = (typeof NEXT_STEP_KINDS)[number]

export const NEXT_STEP_LABELS: Record<NextStepKind, string> = {
  fixedDay: '下个固定日办理',
  homeVisit: '预约上门办理',
}
