import type { Log, Sender } from './sender'

/**
 * The local sender: writes the message it would push as one structured log line and answers success, so the whole
 * path (grant, send, 消息中心) runs without WeChat. Any openid will do, dev-login users included.
 */
export function logSender(log: Log): Sender {
  return {
    kind: 'log',
    async send(message) {
      log.info({ touser: message.openid, templateId: message.templateId, page: message.page, data: message.data }, 'subscribe message (local sender, not pushed)')
      return { errcode: 0, errmsg: 'ok (local sender)' }
    },
  }
}
