import path from 'node:path'
import { readConfig, ruleSettings } from '../config'
import { seedDemo } from '../db/seed'
import { openStore } from '../db/store'
import { hashActivationCode } from '../functions/cards/cards.queries'
import { jsonLog } from '../platform/json-log'
import { hostNotifier } from '../platform/notify/notifier'
import { loadSecrets } from '../platform/secrets'
import { localUploads } from '../platform/uploads'
import { hostCode2Session } from '../platform/code2session'
import { lockDataDir } from './data-lock'
import { buildHost } from './server'
import { startScheduler } from './scheduler'
import { createServices } from './services'

/** Starts the local host: store (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL), migrations, demo data, HTTP. */
async function main() {
  const config = readConfig()
  const dataDir = path.resolve(config.DATA_DIR)
  const unlock = config.DATABASE_URL ? () => {} : lockDataDir(dataDir)
  const store = config.DATABASE_URL
    ? await openStore({ databaseUrl: config.DATABASE_URL, poolSize: config.DB_POOL_SIZE })
    : await openStore({ dataDir: path.join(dataDir, 'pglite') })
  const secrets = loadSecrets(config, dataDir)
  const uploads = localUploads(dataDir)
  const services = createServices(store.db, secrets, {
    uploadFiles: uploads,
    devLogin: config.DEV_LOGIN,
    notify: hostNotifier(config, jsonLog({ level: config.LOG_LEVEL, name: 'notify' })),
    code2session: hostCode2Session(config, jsonLog({ level: config.LOG_LEVEL, name: 'auth' })),
    ...ruleSettings(config),
    clockStart: config.CLOCK_START ? new Date(config.CLOCK_START) : undefined,
  })
  if (config.DEV_LOGIN) {
    await seedDemo(store.db, { newId: services.newId, now: services.clock(), hash: hashActivationCode })
  }
  const app = await buildHost({
    services,
    storeKind: store.kind,
    staticDir: config.STATIC_DIR,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    trustProxy: config.TRUST_PROXY,
    logLevel: config.LOG_LEVEL,
    uploads,
  })
  const address = await app.listen({ port: config.PORT, host: config.HOST })
  const stopScheduler = config.SCHEDULER ? startScheduler(services, app.log) : () => {}
  app.log.info({ url: address, store: store.kind, devLogin: config.DEV_LOGIN, scheduler: config.SCHEDULER }, 'host ready')
  process.stdout.write(`\n流动政务服务站 running at ${address}/  (store: ${store.kind}${config.DEV_LOGIN ? ', dev login on' : ''})\n\n`)

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    stopScheduler()
    await app.close()
    await store.close()
    unlock()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
