import { onlyWechatOpenids, type Log, type SendResult, type Sender, type SubscribeMessage } from './sender'
import { stableTokenSource, TokenError, type TokenSource } from './wechat-token'

export type MiniprogramState = 'developer' | 'trial' | 'formal'

export interface WechatHttpOptions {
  appId: string
  appSecret: string
  /** https://api.weixin.qq.com, or a stand-in (a test's stub server, a proxy). */
  baseUrl: string
  /** Which version of the mini program a tap opens. */
  miniprogramState: MiniprogramState
  log: Log
  timeoutMs?: number
  now?: () => number
}

/** 40001 invalid credential, 40014 invalid access_token, 42001 access_token expired: a fresh token fixes them. */
const STALE_TOKEN = new Set([40001, 40014, 42001])

const DEFAULT_TIMEOUT_MS = 10_000

/**
 * subscribeMessage.send over WeChat's HTTPS API, for a backend outside WeChat cloud (a container, the local host):
 * POST /cgi-bin/message/subscribe/send?access_token=… . A stale token is refreshed and the push tried once more.
 */
export function wechatHttpSender(options: WechatHttpOptions): Sender {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const tokens = stableTokenSource({ ...options, timeoutMs })
  const sender: Sender = {
    kind: 'wechat-http',
    async send(message) {
      const first = await attempt(tokens, message, options, timeoutMs)
      if (!first.staleToken) return first.result
      tokens.invalidate(first.staleToken)
      return (await attempt(tokens, message, options, timeoutMs)).result
    },
  }
  return onlyWechatOpenids(sender)
}

async function attempt(tokens: TokenSource, message: SubscribeMessage, options: WechatHttpOptions, timeoutMs: number): Promise<{ result: SendResult; staleToken?: string }> {
  let token: string
  try {
    token = await tokens.get()
  } catch (error) {
    if (!(error instanceof TokenError)) throw error
    options.log.warn({ err: error.message }, 'WeChat access token unavailable')
    // No answer about the message itself: the delivery policy retries it later.
    return { result: { errcode: null, errmsg: error.message } }
  }
  const body = {
    touser: message.openid,
    template_id: message.templateId,
    ...(message.page ? { page: message.page } : {}),
    data: message.data,
    miniprogram_state: options.miniprogramState,
    lang: 'zh_CN',
  }
  try {
    const response = await fetch(`${options.baseUrl}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const answer = (await response.json().catch(() => null)) as { errcode?: unknown; errmsg?: unknown } | null
    if (!answer || typeof answer.errcode !== 'number') {
      return { result: { errcode: null, errmsg: `unexpected answer from WeChat (HTTP ${response.status})` } }
    }
    const result = { errcode: answer.errcode, errmsg: typeof answer.errmsg === 'string' ? answer.errmsg : '' }
    return STALE_TOKEN.has(answer.errcode) ? { result, staleToken: token } : { result }
  } catch (error) {
    return { result: { errcode: null, errmsg: `request failed: ${error instanceof Error ? error.message : String(error)}` } }
  }
}
