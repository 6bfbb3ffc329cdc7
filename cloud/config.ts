import * as z from 'zod'
import type { WorkingDayOptions } from '../src/core/calendar/working-days'
import { holidayOverridesSchema } from './platform/calendar-config'
import { wechatTemplatesSchema } from './platform/notify/template-config'

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true' || v === 'yes')

/** A switch that is on unless turned off (`off`, `0`, `false`, `no`). */
const onUnlessOff = z
  .enum(['on', 'off', '1', '0', 'true', 'false', 'yes', 'no'])
  .default('on')
  .transform((v) => v === 'on' || v === '1' || v === 'true' || v === 'yes')

/** Settings of the product's rules: the local host and the cloud functions read them alike. */
const ruleSettingsSchema = z.object({
  BOOKING_MIN_NOTICE_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(120),
  /** JSON: days of the State Council's holiday notice that chinese-days does not have yet (see platform/calendar-config.ts). */
  HOLIDAY_OVERRIDES: holidayOverridesSchema.optional(),
})

/** The backend's environment, parsed once at start. Anything wrong here stops the process with a clear message. */
const envSchema = ruleSettingsSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z.string().url().optional(),
  DEV_LOGIN: flag,
  /** The host's background scheduler (every job every five minutes); `off` for tests that count what jobs change. */
  SCHEDULER: onUnlessOff,
  SESSION_SECRET: z.string().min(32).optional(),
  /** Ed25519 secret key (32 bytes) as base64url, for signing service-card QR codes. */
  CARD_SIGNING_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /**
   * Behind a reverse proxy: the proxies whose X-Forwarded-For is believed (addresses, CIDRs or proxy-addr's names such
   * as `loopback`, comma separated), so rate limits and logs see each caller's address instead of the proxy's.
   */
  TRUST_PROXY: z.string().trim().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STATIC_DIR: z.string().default('dist/h5'),
  /** Tests and demos only (needs DEV_LOGIN): the host's clock starts at this instant and runs on from there. */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** Who pushes subscribe messages: `log` (local, writes them to the log) or `wechat-http` (WeChat's HTTPS API). */
  NOTIFY_SENDER: z.enum(['log', 'wechat-http']).default('log'),
  WECHAT_APPID: z.string().trim().min(1).optional(),
  WECHAT_APPSECRET: z.string().trim().min(1).optional(),
  /** WeChat's API host; another only for a proxy or a test's stand-in server. */
  WECHAT_API_BASE: z
    .string()
    .url()
    .default('https://api.weixin.qq.com')
    .transform((url) => url.replace(/\/+$/, '')),
  /** JSON: subscribe-message template per notification key (see cloud/platform/notify/template-config.ts). */
  WECHAT_TEMPLATES: wechatTemplatesSchema.optional(),
  /** Which mini program version a tapped message opens. */
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
})

export type Config = z.infer<typeof envSchema>

/** Unset and empty variables alike take their defaults. */
function parseEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')))
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return parsed.data
}

export interface RuleSettings {
  minNoticeMinutes: number
  calendar: WorkingDayOptions
}

/** The rule settings as services take them. */
export function ruleSettings(config: z.infer<typeof ruleSettingsSchema>): RuleSettings {
  return { minNoticeMinutes: config.BOOKING_MIN_NOTICE_MINUTES, calendar: { overrides: config.HOLIDAY_OVERRIDES } }
}

/** The cloud functions' rule settings (the rest of their environment is checked in cloud-main.ts). */
export function readRuleSettings(env: NodeJS.ProcessEnv): RuleSettings {
  return ruleSettings(parseEnv(ruleSettingsSchema, env))
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = parseEnv(envSchema, env)
  if (config.CLOCK_START && !config.DEV_LOGIN) throw new Error('CLOCK_START is for tests and demos: it needs DEV_LOGIN=1')
  if (config.NOTIFY_SENDER === 'wechat-http' && (!config.WECHAT_APPID || !config.WECHAT_APPSECRET)) {
    throw new Error('NOTIFY_SENDER=wechat-http needs WECHAT_APPID and WECHAT_APPSECRET')
  }
  return config
}
