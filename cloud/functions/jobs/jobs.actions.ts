import { jobSchemas, type Job, type JobResponses } from '../../../src/core/jobs/jobs.schema'
import { defineAction, type ActionTable, type Services } from '../action'
import { remindContactCadence } from '../commissioners/contact-cadence.job'
import { deliverDue } from '../notifications/delivery.job'
import { remindRectifications } from '../ratings/rectification-due.job'
import { remindPolicyDeadlines } from '../policies/policy-notices'
import { removeUnreferencedUploads } from '../problems/photo-uploads'
import { generateMonthlyReports } from '../reports/monthly.job'
import { planFixedDays } from '../stations/fixed-days'
import { markOverdueProblems } from './overdue.job'

/** A scheduled job: how many records it changed (0 when there was nothing to do, e.g. on a second run). */
export type JobRunner = (services: Services, now: Date) => Promise<number>

/**
 * Every scheduled job by name: the host's scheduler, the cloud timer trigger, `npm run job` and `jobs.run` all go
 * through here. Booking reminders need no job of their own: they are outbox rows with `not_before` the day before,
 * which 'deliver' pushes once due; 'reminders' is the rectification deadlines of bad ratings.
 */
export const JOB_RUNNERS: Record<Job, JobRunner> = {
  serviceDays: (services, now) => planFixedDays(services.db, now, services.calendar, services.newId),
  overdue: (services, now) => markOverdueProblems(services.db, now, services.calendar),
  reminders: (services, now) => remindRectifications(services.db, now),
  contactCadence: (services, now) => remindContactCadence(services.db, now),
  policyDeadlines: (services, now) => remindPolicyDeadlines(services.db, now, services.calendar),
  monthlyReport: (services, now) => generateMonthlyReports(services.db, now, services.calendar),
  deliver: (services, now) => deliverDue(services, now),
  uploadCleanup: (services, now) => removeUnreferencedUploads(services, now),
}

export const jobActions = {
  run: defineAction({
    input: jobSchemas.run,
    access: ['admin'] as const,
    async run({ job }, ctx): Promise<JobResponses['run']> {
      return { job, changed: await JOB_RUNNERS[job](ctx, ctx.now) }
    },
  }),
} satisfies ActionTable
