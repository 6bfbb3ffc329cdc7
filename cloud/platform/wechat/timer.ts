import { JOBS, type Job } from '../../../src/core/jobs/jobs.schema'

/**
 * The event a WeChat cloud timer trigger passes to `main`: `{ Type: 'Timer', TriggerName, Time }` (no OPENID in the
 * context). Returns the trigger's name, or null for any other event.
 */
export function timerTriggerName(event: unknown): string | null {
  if (typeof event !== 'object' || event === null) return null
  const { Type, TriggerName } = event as { Type?: unknown; TriggerName?: unknown }
  if (typeof Type !== 'string' || Type.toLowerCase() !== 'timer') return null
  return typeof TriggerName === 'string' && TriggerName !== '' ? TriggerName : null
}

/**
 * WeChat allows one timer trigger per function, so the bundle's trigger (`JOBS_TRIGGER`) runs every job, as the
 * local scheduler does; a trigger named after a job (added in the console) runs just that one.
 */
export const JOBS_TRIGGER = 'everyFiveMinutes'
export const JOBS_TRIGGER_CRON = '0 */5 * * * * *'

export function jobsOfTrigger(name: string): readonly Job[] {
  return (JOBS as readonly string[]).includes(name) ? [name as Job] : JOBS
}
