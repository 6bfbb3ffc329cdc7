import Taro from '@tarojs/taro'
import type { ApiClient } from '@/api/client'
import {
  acceptedTemplates,
  isNotificationTemplate,
  subscribeRequest,
  type NotificationTemplate,
  type SubscribeMoment,
  type WechatTemplateConfigs,
} from '@/core/notification/notification.templates'

/**
 * WeChat subscribe messages (DESIGN.md §2 "Notifications"): consent is asked at the moment it matters, only from a tap,
 * for at most 3 templates; one consent is one message. Without configured template ids (H5, local development) the
 * app never asks and every message waits in 消息中心.
 */

/**
 * The template ids of the build (config/index.ts → process.env.TARO_APP_WECHAT_TEMPLATES), JSON of
 * `{ "<template key>": "<tmplId>" | { "templateId": "<tmplId>" } }`. Anything malformed counts as none configured.
 */
export function parseTemplateConfigs(raw: string | undefined | null): WechatTemplateConfigs {
  if (!raw || !raw.trim()) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return {}
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
  const configs: WechatTemplateConfigs = {}
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!isNotificationTemplate(key)) continue
    const templateId = typeof value === 'string' ? value : value && typeof value === 'object' ? (value as { templateId?: unknown }).templateId : undefined
    if (typeof templateId === 'string' && templateId.trim()) configs[key] = { templateId: templateId.trim() }
  }
  return configs
}

/** Read at call time (tests set the variable; the build replaces the expression with a literal). */
export function buildTemplateConfigs(): WechatTemplateConfigs {
  return parseTemplateConfigs(process.env.TARO_APP_WECHAT_TEMPLATES)
}

/** What a consent request at a moment would ask for; empty when nothing is configured (then nothing is shown). */
export function subscribePlan(moment: SubscribeMoment, configs: WechatTemplateConfigs = buildTemplateConfigs()) {
  return subscribeRequest(moment, configs)
}

export type SubscribeOutcome =
  /** Nothing configured: not asked. */
  | { kind: 'none' }
  /** Asked; `granted` keys were accepted (possibly none) and recorded with the backend. */
  | { kind: 'answered'; granted: NotificationTemplate[]; recorded: boolean }
  /** WeChat refused to ask (the user turned subscriptions off, or the base library is too old). */
  | { kind: 'failed'; message: string }

type RequestSubscribe = (options: { tmplIds: string[] }) => Promise<Record<string, unknown>>

/**
 * Asks for consent. Must be called synchronously from a tap handler: WeChat only shows the dialog for a user gesture,
 * so Taro.requestSubscribeMessage is called before anything is awaited. Then records what was accepted with
 * `notifications.subscribe {templateKeys, granted}` (granted may be empty: the answer is recorded either way).
 */
export function requestSubscribe(
  api: ApiClient,
  moment: SubscribeMoment,
  configs: WechatTemplateConfigs = buildTemplateConfigs(),
): Promise<SubscribeOutcome> {
  const request = subscribeRequest(moment, configs)
  if (request.tmplIds.length === 0) return Promise.resolve({ kind: 'none' })
  const ask = (Taro as unknown as { requestSubscribeMessage: RequestSubscribe }).requestSubscribeMessage
  let asked: Promise<Record<string, unknown>>
  try {
    asked = Promise.resolve(ask({ tmplIds: request.tmplIds }))
  } catch (error) {
    return Promise.resolve({ kind: 'failed', message: errorText(error) })
  }
  return asked.then(
    async (result) => {
      const granted = acceptedTemplates(request, result ?? {})
      const res = await api.call('notifications', 'subscribe', { templateKeys: request.templateKeys, granted })
      return { kind: 'answered', granted, recorded: res.ok } as const
    },
    (error: unknown) => ({ kind: 'failed', message: errorText(error) }) as const,
  )
}

function errorText(error: unknown): string {
  const code = (error as { errCode?: unknown } | null)?.errCode
  // 20004: the user switched off subscribe messages for this mini program in its settings.
  if (code === 20004) return '您已关闭消息订阅，可在小程序设置中开启；消息仍会在消息中心显示'
  return '未能开启消息提醒，消息仍会在消息中心显示'
}
