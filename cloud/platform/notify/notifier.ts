import type { Config } from '../../config'
import { logSender } from './log.sender'
import type { Log, Notifier } from './sender'
import { localTemplates, parseWechatTemplates } from './template-config'
import { wechatCloudSender } from './wechat-cloud.sender'
import { wechatHttpSender, type MiniprogramState } from './wechat-http.sender'

/** The local host's notifier: WeChat's HTTPS API when configured (NOTIFY_SENDER=wechat-http), else the log. */
export function hostNotifier(config: Config, log: Log): Notifier {
  const configured = config.WECHAT_TEMPLATES ?? {}
  if (config.NOTIFY_SENDER === 'wechat-http') {
    if (Object.keys(configured).length === 0) log.warn({}, 'NOTIFY_SENDER=wechat-http without WECHAT_TEMPLATES: every message stays in 消息中心 only')
    const sender = wechatHttpSender({
      appId: config.WECHAT_APPID!,
      appSecret: config.WECHAT_APPSECRET!,
      baseUrl: config.WECHAT_API_BASE,
      miniprogramState: config.WECHAT_MINIPROGRAM_STATE,
      log,
    })
    return { sender, templates: configured, log }
  }
  return { sender: logSender(log), templates: localTemplates(configured), log }
}

/**
 * A cloud function's notifier: 云调用 through the SDK the entry loaded, templates from WECHAT_TEMPLATES (the function's
 * environment). A bad WECHAT_TEMPLATES throws, which fails the cold start with the reason in the log.
 */
export function cloudNotifier(env: Record<string, string | undefined>, log: Log, loadSdk: () => unknown): Notifier {
  const state = env.WECHAT_MINIPROGRAM_STATE ?? 'formal'
  if (!['developer', 'trial', 'formal'].includes(state)) throw new Error('WECHAT_MINIPROGRAM_STATE must be developer, trial or formal')
  return {
    sender: wechatCloudSender(loadSdk, state as MiniprogramState),
    templates: parseWechatTemplates(env.WECHAT_TEMPLATES),
    log,
  }
}
