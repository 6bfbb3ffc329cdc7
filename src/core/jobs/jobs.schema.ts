import * as z from 'zod'
import '../common/zod'

/** Scheduled jobs; each is idempotent, so running one twice changes and sends nothing twice. */
export const JOBS = ['serviceDays', 'overdue', 'reminders', 'contactCadence', 'policyDeadlines', 'monthlyReport', 'deliver', 'uploadCleanup'] as const
export type Job = (typeof JOBS)[number]

export const JOB_LABELS: Record<Job, string> = {
  serviceDays: '固定服务日排期',
  overdue: '超期诉求标记',
  reminders: '差评整改到期提醒',
  contactCadence: '特派员联系提醒',
  policyDeadlines: '政策申报截止提醒',
  monthlyReport: '月度报表生成',
  deliver: '消息推送',
  uploadCleanup: '清理未提交的图片',
}

export const jobSchemas = {
  run: z.strictObject({ job: z.enum(JOBS) }),
}

export interface JobResponses {
  run: { job: Job; changed: number }
}
