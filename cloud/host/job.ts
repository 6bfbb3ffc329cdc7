/**
 * `npm run job -- <name>`: runs one scheduled job once against the store the host uses (PGlite in DATA_DIR, or
 * PostgreSQL at DATABASE_URL) and prints `{"job":…,"changed":…}`. Jobs are idempotent, so running one by hand next
 * to the schedule is safe. A PGlite folder a running host holds is refused (one process per folder): stop the host,
 * or use `jobs.run` as an admin through it.
 */
import path from 'node:path'
import { JOBS, type Job } from '../../src/core/jobs/jobs.schema'
import { readConfig, ruleSettings } from '../config'
import { openStore } from '../db/store'
import { withCalendar } from '../functions/action'
import { JOB_RUNNERS } from '../functions/jobs/jobs.actions'
import { jsonLog } from '../platform/json-log'
import { hostNotifier } from '../platform/notify/notifier'
import { loadSecrets } from '../platform/secrets'
import { localUploads } from '../platform/uploads'
import { lockDataDir } from './data-lock'
import { createServices } from './services'

async function main() {
  const job = process.argv[2]
  if (!(JOBS as readonly string[]).includes(job ?? '')) {
    throw new Error(`usage: npm run job -- <${JOBS.join('|')}>`)
  }
  const config = readConfig()
  const dataDir = path.resolve(config.DATA_DIR)
  const unlock = config.DATABASE_URL ? () => {} : lockDataDir(dataDir)
  try {
    const store = config.DATABASE_URL
      ? await openStore({ databaseUrl: config.DATABASE_URL, poolSize: 2 })
      : await openStore({ dataDir: path.join(dataDir, 'pglite') })
    try {
      // Logs go to stderr: stdout carries only the result, for scripts.
      const log = jsonLog({ level: config.LOG_LEVEL, name: 'job', write: (line) => process.stderr.write(`${line}\n`) })
      const services = createServices(store.db, loadSecrets(config, dataDir), {
        uploadFiles: localUploads(dataDir),
        devLogin: config.DEV_LOGIN,
        notify: hostNotifier(config, log),
        ...ruleSettings(config),
        clockStart: config.CLOCK_START ? new Date(config.CLOCK_START) : undefined,
      })
      const changed = await JOB_RUNNERS[job as Job](await withCalendar(services), services.clock())
      process.stdout.write(`${JSON.stringify({ job, changed })}\n`)
    } finally {
      await store.close()
    }
  } finally {
    unlock()
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
