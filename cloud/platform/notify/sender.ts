import type { WechatData } from '../../../src/core/notification/notification.wechat'
import type { WechatTemplateConfigs } from '../../../src/core/notification/notification.templates'

/** One subscribe message to push: WeChat's `subscribeMessage.send` with the template already filled in. */
export interface SubscribeMessage {
  openid: string
  templateId: string
  /** Page opened on tap, without a leading slash; null opens the mini program's home. */
  page: string | null
  data: WechatData
}

/**
 * WeChat's answer: errcode 0 is success. `errcode: null` means no answer came (network error, timeout), which the
 * delivery policy retries. A sender never throws: every outcome is a value the outbox records.
 */
export interface SendResult {
  errcode: number | null
  errmsg: string
}

export interface Sender {
  readonly kind: 'log' | 'wechat-cloud' | 'wechat-http'
  send(message: SubscribeMessage): Promise<SendResult>
}

/** Structured logging as pino, Fastify's logger and the cloud entry's JSON lines all take it. */
export interface Log {
  info(details: object, message: string): void
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

/** What the delivery job needs to push: the sender, the WeChat template of each key, and a log for surprises. */
export interface Notifier {
  sender: Sender
  templates: WechatTemplateConfigs
  log: Log
}

/**
 * WeChat openids are 28 characters of [A-Za-z0-9_-]; dev-login users are `dev:<key>`. Pushing to anything else is
 * pointless, and would look to WeChat like a bug of ours.
 */
const WECHAT_OPENID = /^[A-Za-z0-9_-]{16,64}$/

/** Wraps a WeChat sender so it refuses non-WeChat openids up front, as WeChat itself would (40003: invalid openid). */
export function onlyWechatOpenids(sender: Sender): Sender {
  return {
    kind: sender.kind,
    async send(message) {
      if (!WECHAT_OPENID.test(message.openid)) {
        const who = message.openid.startsWith('dev:') ? 'a dev-login user' : 'not a WeChat openid'
        return { errcode: 40003, errmsg: `not sent: recipient is ${who} (${message.openid.slice(0, 24)})` }
      }
      return sender.send(message)
    },
  }
}
