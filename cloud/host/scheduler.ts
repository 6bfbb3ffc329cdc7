import type { FastifyBaseLogger } from 'fastify'
import { JOB_RUNNERS } from '../functions/jobs/jobs.actions'
import type { Services } from '../functions/action'

const EVERY_MS = 5 * 60_000

/** The local host's stand-in for cloud timer triggers: every job every five minutes, one after another. */
export function startScheduler(services: Services, log: FastifyBaseLogger): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    for (const [job, run] of Object.entries(JOB_RUNNERS)) {
      try {
        const changed = await run(services, services.clock())
        if (changed > 0) log.info({ job, changed }, 'scheduled job changed records')
      } catch (error) {
        log.error({ err: error, job }, 'scheduled job failed')
      }
    }
    running = false
  }
  const timer = setInterval(tick, EVERY_MS)
  void tick()
  return () => clearInterval(timer)
}
