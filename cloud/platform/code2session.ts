import { fail, type Failure } from '../../src/core/errors'
import type { Log } from './notify/sender'

/** Exchanges a wx.login code for the OPENID, or says why not. */
export type Code2Session = (code: string) => Promise<{ openid: string } | Failure>

const TIMEOUT_MS = 5000

/**
 * WeChat's code2session (`GET /sns/jscode2session`) for the HTTP host. Only the OPENID is kept: the session_key is
 * dropped here and never logged (nothing in this product decrypts user data with it). WeChat's errors become our
 * codes: 40029/40163 (invalid or used code) → WECHAT_CODE_INVALID, 45011 (minute quota) → WECHAT_RATE_LIMITED, anything
 * else (a wrong appid or secret, WeChat busy, no network) → WECHAT_UNAVAILABLE with the errcode in the log.
 */
export function wechatCode2Session(options: { baseUrl: string; appId: string; appSecret: string; log: Log }): Code2Session {
  return async (code) => {
    const query = new URLSearchParams({ appid: options.appId, secret: options.appSecret, js_code: code, grant_type: 'authorization_code' })
    let body: { openid?: unknown; errcode?: unknown; errmsg?: unknown }
    try {
      const response = await fetch(`${options.baseUrl}/sns/jscode2session?${query}`, { signal: AbortSignal.timeout(TIMEOUT_MS) })
      body = (await response.json()) as typeof body
    } catch (error) {
      options.log.error({ err: error instanceof Error ? error.message : String(error) }, 'code2session request failed')
      return fail('WECHAT_UNAVAILABLE')
    }
    if (typeof body.openid === 'string' && body.openid !== '' && !body.errcode) return { openid: body.openid }
    const errcode = Number(body.errcode)
    if (errcode === 40029 || errcode === 40163) return fail('WECHAT_CODE_INVALID')
    if (errcode === 45011) return fail('WECHAT_RATE_LIMITED')
    options.log.error({ errcode, errmsg: String(body.errmsg ?? '') }, 'code2session refused')
    return fail('WECHAT_UNAVAILABLE')
  }
}

/** Where no AppID/AppSecret is configured (local demos, the cloud): sign-in by code is not available. */
export const noCode2Session: Code2Session = async () => fail('WECHAT_UNAVAILABLE')

/** The host's sign-in by code: WeChat's when WECHAT_APPID and WECHAT_APPSECRET are set. */
export function hostCode2Session(config: { WECHAT_APPID?: string; WECHAT_APPSECRET?: string; WECHAT_API_BASE: string; DEV_LOGIN: boolean }, log: Log): Code2Session {
  if (config.WECHAT_APPID && config.WECHAT_APPSECRET) {
    return wechatCode2Session({ baseUrl: config.WECHAT_API_BASE, appId: config.WECHAT_APPID, appSecret: config.WECHAT_APPSECRET, log })
  }
  if (!config.DEV_LOGIN) log.warn({}, 'WECHAT_APPID/WECHAT_APPSECRET not set: nobody can sign in from the mini program (auth.login answers WECHAT_UNAVAILABLE)')
  return noCode2Session
}
