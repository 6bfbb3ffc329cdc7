import * as z from 'zod'
import { MESSAGE_FACTS, NOTIFICATION_TEMPLATES, type WechatTemplateConfigs } from '../../../src/core/notification/notification.templates'
import { checkWechatFieldMap } from '../../../src/core/notification/notification.wechat'
import { jsonEnv } from '../json-env'

const entrySchema = z.strictObject({
  templateId: z.string().trim().min(1, 'templateId must not be empty'),
  fields: z.record(z.string(), z.string()).optional(),
})

const mapSchema = z.partialRecord(z.enum(NOTIFICATION_TEMPLATES), entrySchema)

/**
 * `WECHAT_TEMPLATES`: JSON `{ "<template key>": { "templateId": "…", "fields": { "thing1": "subject", … } } }`, one
 * entry per subscribe-message template picked in the WeChat console. `fields` is needed only when the picked
 * template's layout differs from the catalogue's default. A key left out is never pushed (消息中心 only). A wrong
 * field map would make WeChat drop every message of that key (47003), so it is refused here, before anything runs.
 */
export const wechatTemplatesSchema = jsonEnv(mapSchema).transform((map, ctx): WechatTemplateConfigs => {
  for (const [key, entry] of Object.entries(map)) {
    if (!entry?.fields) continue
    for (const problem of checkWechatFieldMap(entry.fields, MESSAGE_FACTS)) ctx.addIssue({ code: 'custom', message: `${key}.fields: ${problem}` })
  }
  return map as WechatTemplateConfigs
})

/** The configured templates, or an Error naming every problem (the process stops on it). */
export function parseWechatTemplates(text: string | undefined): WechatTemplateConfigs {
  if (text === undefined || text.trim() === '') return {}
  const parsed = wechatTemplatesSchema.safeParse(text)
  if (!parsed.success) throw new Error(`WECHAT_TEMPLATES is invalid:\n${parsed.error.issues.map((i) => `  ${i.message}`).join('\n')}`)
  return parsed.data
}

/**
 * The local sender pushes nothing, so every key counts as configured (`local:<key>`): grants are used and messages
 * settle as they would in production. Explicit configuration wins.
 */
export function localTemplates(configured: WechatTemplateConfigs): WechatTemplateConfigs {
  const all: WechatTemplateConfigs = Object.fromEntries(NOTIFICATION_TEMPLATES.map((key) => [key, { templateId: `local:${key}` }]))
  return { ...all, ...configured }
}
