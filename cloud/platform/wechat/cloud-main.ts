import path from 'node:path'
import { fail, ok, type Result } from '../../../src/core/errors'
import { findOrCreateUser } from '../../functions/auth/users'
import type { ActionTable, Caller, Services } from '../../functions/action'
import type { Area } from '../../functions/index'
import type { runJobs } from '../../functions/jobs/run-jobs'
import { dispatch } from '../../functions/router'
import { readRuleSettings } from '../../config'
import { openStore } from '../../db/store'
import { createServices } from '../../host/services'
import { cloudNotifier } from '../notify/notifier'
import type { Log } from '../notify/sender'
import { loadSecrets } from '../secrets'
import { wechatFilePublisher } from './files'
import { initWechatSdk, wechatOpenid, wechatSdk } from './identity'
import { jobsOfTrigger, timerTriggerName } from './timer'

/** Connections per function instance: WeChat runs many instances side by side against one PostgreSQL server. */
const CLOUD_POOL_SIZE = 5

export type CloudMain = (event: unknown, context?: unknown) => Promise<Result<unknown>>

/** One JSON line per record on stdout/stderr, which the cloud console collects. */
function createLog(area: string): Log {
  const write = (level: 'info' | 'warn' | 'error', details: object, message: string) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, area, msg: message, ...serialise(details) })
    if (level === 'info') console.log(line)
    else console.error(line)
  }
  return {
    info: (details, message) => write('info', details, message),
    warn: (details, message) => write('warn', details, message),
    error: (details, message) => write('error', details, message),
  }
}

function serialise(details: object): object {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) =>
      value instanceof Error ? [key, { type: value.name, message: value.message, stack: value.stack }] : [key, value],
    ),
  )
}

/** The environment a cloud function needs, checked up front so a misconfigured function says what is missing. */
function cloudEnv(env: Record<string, string | undefined>): {
  databaseUrl: string
  secrets: { SESSION_SECRET: string; CARD_SIGNING_KEY: string }
} {
  const missing = ['DATABASE_URL', 'SESSION_SECRET', 'CARD_SIGNING_KEY'].filter((name) => !env[name])
  if (missing.length > 0) {
    throw new Error(`missing environment variable(s) ${missing.join(', ')}: set them in the cloud function's configuration`)
  }
  if (env.SESSION_SECRET!.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters')
  if (!/^[A-Za-z0-9_-]{43}$/.test(env.CARD_SIGNING_KEY!)) {
    throw new Error('CARD_SIGNING_KEY must be a 32-byte Ed25519 secret key as base64url without padding (43 characters)')
  }
  return {
    databaseUrl: env.DATABASE_URL!,
    secrets: { SESSION_SECRET: env.SESSION_SECRET!, CARD_SIGNING_KEY: env.CARD_SIGNING_KEY! },
  }
}

/**
 * The entry of one area's WeChat cloud function. The first call of an instance opens the store (PostgreSQL at
 * DATABASE_URL, migrations shipped next to the bundle), loads secrets from the environment and the SDK; every call
 * then takes the caller from the trusted OPENID and goes through the same dispatch as the local host. It never throws
 * to the platform: a failed start answers INTERNAL (and the next call tries again).
 *
 * It is handed the area's own action table (cloud/deploy/entries/<area>.ts) rather than importing AREAS, so that a
 * function's bundle holds its own area only. The jobs function is handed `runJobs` too: a timer trigger (no caller,
 * no action) runs the scheduled jobs.
 */
export function createCloudMain(area: Area, actions: ActionTable, jobs?: typeof runJobs): CloudMain {
  const areas = { [area]: actions }
  const log = createLog(area)
  let ready: Promise<Services> | null = null

  const start = async (): Promise<Services> => {
    const startedAt = Date.now()
    const env = cloudEnv(process.env)
    const secrets = loadSecrets(env.secrets, null)
    initWechatSdk()
    const store = await openStore({
      databaseUrl: env.databaseUrl,
      poolSize: CLOUD_POOL_SIZE,
      migrationsFolder: path.join(__dirname, 'migrations'),
    })
    const notify = cloudNotifier(process.env, log, wechatSdk)
    log.info({ ms: Date.now() - startedAt, store: store.kind }, 'cold start')
    // Report workbooks go to cloud storage: a cloud function answers JSON only, the client downloads from the URL.
    return { ...createServices(store.db, secrets, { devLogin: false, notify, ...readRuleSettings(process.env) }), publishFile: wechatFilePublisher(wechatSdk) }
  }

  return async function main(event: unknown) {
    let services: Services
    try {
      ready ??= start()
      services = await ready
    } catch (error) {
      ready = null
      log.error({ err: error }, 'cold start failed')
      return fail('INTERNAL', '服务暂时不可用，请稍后再试')
    }
    try {
      const openid = wechatOpenid()
      // A timer trigger of the jobs function: no caller, no action; it runs the scheduled jobs.
      const trigger = openid ? null : timerTriggerName(event)
      if (jobs && trigger) return ok({ trigger, runs: await jobs(services, jobsOfTrigger(trigger), log) })
      const found = openid ? await findOrCreateUser(services, openid) : null
      // A deactivated person is refused at once, whatever the action.
      if (found?.deactivated) return fail('ACCOUNT_DEACTIVATED')
      const caller: Caller | null = found?.user ?? null
      return await dispatch(areas, { area, event, caller }, services, log)
    } catch (error) {
      const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined
      log.error({ err: error, action }, 'call failed')
      return fail('INTERNAL')
    }
  }
}
