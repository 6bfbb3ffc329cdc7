import { jobSchemas, type Job, type JobResponses } from '../../../src/core/jobs/jobs.schema'
import type { Db } from '../../db/store'
import { defineAction, type ActionTable } from '../action'
import { markOverdueProblems } from './overdue.job'

/** Every scheduled job by name: the host's scheduler, the cloud timer triggers and `jobs.run` all go through here. */
export const JOB_RUNNERS: Record<Job, (db: Db, now: Date) => Promise<number>> = {
  overdue: markOverdueProblems,
}

export const jobActions = {
  run: defineAction({
    input: jobSchemas.run,
    access: ['admin'] as const,
    async run({ job }, ctx): Promise<JobResponses['run']> {
      return { job, changed: await JOB_RUNNERS[job](ctx.db, ctx.now) }
    },
  }),
} satisfies ActionTable
