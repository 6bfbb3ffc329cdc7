import { JOBS, type Job } from '../../../src/core/jobs/jobs.schema'
import type { Services } from '../action'
import { JOB_RUNNERS } from './jobs.actions'

export interface JobLog {
  info(details: object, message: string): void
  error(details: object, message: string): void
}

export interface JobRun {
  job: Job
  changed: number
  /** Set when the job threw (a bug or an unreachable database): the other jobs still run. */
  error?: string
}

/**
 * Runs jobs one after another in JOBS order, so what the others enqueue is pushed by 'deliver' in the same round. One
 * failing job is logged and does not stop the rest. Used by the host's scheduler and the cloud timer trigger.
 */
export async function runJobs(services: Services, jobs: readonly Job[], log: JobLog): Promise<JobRun[]> {
  const runs: JobRun[] = []
  for (const job of JOBS.filter((name) => jobs.includes(name))) {
    try {
      const changed = await JOB_RUNNERS[job](services, services.clock())
      if (changed > 0) log.info({ job, changed }, 'scheduled job changed records')
      runs.push({ job, changed })
    } catch (error) {
      log.error({ err: error, job }, 'scheduled job failed')
      runs.push({ job, changed: 0, error: error instanceof Error ? error.message : String(error) })
    }
  }
  return runs
}
