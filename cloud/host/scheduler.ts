import type { FastifyBaseLogger } from 'fastify'
import { JOBS } from '../../src/core/jobs/jobs.schema'
import type { Services } from '../functions/action'
import { runJobs } from '../functions/jobs/run-jobs'

const EVERY_MS = 5 * 60_000

/** The local host's stand-in for cloud timer triggers: every job every five minutes, one after another. */
export function startScheduler(services: Services, log: FastifyBaseLogger): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      await runJobs(services, JOBS, log)
    } finally {
      running = false
    }
  }
  const timer = setInterval(tick, EVERY_MS)
  void tick()
  return () => clearInterval(timer)
}
