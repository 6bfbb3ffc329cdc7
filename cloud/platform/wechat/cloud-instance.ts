import path from 'node:path'
import { fail, ok, type Result } from '../../../src/core/errors'
import { findOrCreateUser } from '../../functions/auth/users'
import type { ActionTable, Caller } from '../../functions/action'
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

/** What the first call of an instance loads (cloud-main.ts): the area's actions, and runJobs for the jobs function. */
export interface AreaCode {
  actions: ActionTable
  jobs?: typeof runJobs
}

/**
 * Starts an instance of one area's function: opens the store (PostgreSQL at DATABASE_URL, migrations shipped next to
 * the bundle), loads secrets from the environment and the SDK. The call it returns takes the caller from the trusted
 * OPENID and goes through the same dispatch as the local host; it never throws.
 */
export async function startInstance(area: Area, code: AreaCode, log: Log): Promise<(event: unknown) => Promise<Result<unknown>>> {
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
  const services = { ...createServices(store.db, secrets, { devLogin: false, notify, ...readRuleSettings(process.env) }), publishFile: wechatFilePublisher(wechatSdk) }
  const areas = { [area]: code.actions }

  return async function call(event) {
    try {
      const openid = wechatOpenid()
      // A timer trigger of the jobs function: no caller, no action; it runs the scheduled jobs.
      const trigger = openid ? null : timerTriggerName(event)
      if (code.jobs && trigger) return ok({ trigger, runs: await code.jobs(services, jobsOfTrigger(trigger), log) })
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
