import { onlyWechatOpenids, type Sender } from './sender'
import type { MiniprogramState } from './wechat-http.sender'

/** The part of `wx-server-sdk` this sender uses (云调用: the platform signs the call, no access token needed). */
interface OpenapiSdk {
  openapi: {
    subscribeMessage: {
      send(params: { touser: string; templateId: string; page?: string; data: unknown; miniprogramState: MiniprogramState; lang: string }): Promise<{ errCode?: number; errMsg?: string }>
    }
  }
}

/**
 * subscribeMessage.send through the cloud SDK, inside WeChat cloud only. `loadSdk` hands over the SDK the cloud entry
 * already initialised (cloud/platform/wechat/identity.ts), so this module never loads `wx-server-sdk` itself and the
 * local host can import it without touching the SDK. The function's config.json must allow the call
 * (`permissions.openapi: ["subscribeMessage.send"]`).
 */
export function wechatCloudSender(loadSdk: () => unknown, miniprogramState: MiniprogramState): Sender {
  const sender: Sender = {
    kind: 'wechat-cloud',
    async send(message) {
      try {
        const sdk = loadSdk() as OpenapiSdk
        const answer = await sdk.openapi.subscribeMessage.send({
          touser: message.openid,
          templateId: message.templateId,
          ...(message.page ? { page: message.page } : {}),
          data: message.data,
          miniprogramState,
          lang: 'zh_CN',
        })
        return { errcode: typeof answer?.errCode === 'number' ? answer.errCode : 0, errmsg: answer?.errMsg ?? 'ok' }
      } catch (error) {
        // The SDK rejects with the WeChat errcode on the error (errCode: 43101 …); without one it is a transport error.
        const { errCode, errMsg, message: text } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown; message?: unknown }
        return {
          errcode: typeof errCode === 'number' ? errCode : null,
          errmsg: String(errMsg ?? text ?? error),
        }
      }
    },
  }
  return onlyWechatOpenids(sender)
}
