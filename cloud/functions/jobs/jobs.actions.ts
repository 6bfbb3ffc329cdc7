import { jobSchemas, type Job, type JobResponses } from '../../../src/core/jobs/jobs.schema'
import { defineAction, type ActionTable, type Services } from '../action'
import { markOverdueProblems } from './overdue.job'

/** A scheduled job: how many records it changed (0 when there was nothing to do, e.g. on a second run). */
export type JobRunner = (services: Services, now: Date) => Promise<number>

// Placeholder until the notification jobs land (same change series): does nothing, changes nothing.
const notYet: JobRunner = async () => 0

/** Every scheduled job by name: the host's scheduler, the cloud timer triggers and `jobs.run` all go through here. */
export const JOB_RUNNERS: Record<Job, JobRunner> = {
  overdue: (services, now) => markOverdueProblems(services.db, now),
  reminders: notYet,
  contactCadence: notYet,
  monthlyReport: notYet,
  deliver: notYet,
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
