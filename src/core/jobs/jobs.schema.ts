import { z } from '../common/zod'

/** Scheduled jobs; each is idempotent, so running one twice changes and sends nothing twice. */
export const JOBS = ['overdue'] as const
export type Job = (typeof JOBS)[number]

export const JOB_LABELS: Record<Job, string> = { overdue: '超期诉求标记' }

export const jobSchemas = {
  run: z.strictObject({ job: z.enum(JOBS) }),
}

export interface JobResponses {
  run: { job: Job; changed: number }
}
