import { calendarWarnings } from '../../../src/core/calendar/calendar.status'
import { JOBS, type Job } from '../../../src/core/jobs/jobs.schema'
import { withCalendar, type Services } from '../action'
import { JOB_RUNNERS } from './jobs.actions'

export interface JobLog {
  info(details: object, message: string): void
  warn(details: object, message: string): void
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
  const due = JOBS.filter((name) => jobs.includes(name))
  let current: Services
  try {
    current = await withCalendar(services)
  } catch (error) {
    log.error({ err: error }, 'scheduled jobs skipped: the holiday calendar could not be read')
    return due.map((job) => ({ job, changed: 0, error: error instanceof Error ? error.message : String(error) }))
  }
  if (due.includes('overdue')) warnOfCalendar(current, log)
  for (const job of due) {
    try {
      const changed = await JOB_RUNNERS[job](current, current.clock())
      if (changed > 0) log.info({ job, changed }, 'scheduled job changed records')
      runs.push({ job, changed })
    } catch (error) {
      log.error({ err: error, job }, 'scheduled job failed')
      runs.push({ job, changed: 0, error: error instanceof Error ? error.message : String(error) })
    }
  }
  return runs
}

/** Deadlines are only as right as the holiday calendar: the overdue run says when the coming weeks are not confirmed. */
function warnOfCalendar(services: Services, log: JobLog): void {
  const confirmed = [...(services.calendar.ownYears ?? [])].map(Number)
  for (const warning of calendarWarnings(services.clock(), confirmed)) {
    log.warn({ year: warning.year, kind: warning.kind }, `holiday calendar ${warning.year} not confirmed: ${warning.message}`)
  }
}
