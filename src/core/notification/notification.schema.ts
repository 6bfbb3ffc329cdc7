import * as z from 'zod'
import '../common/zod'
import { INBOX_PAGE_SIZE, MAX_MARK_READ } from './notification.limits'
import type { DeliveryStatus } from './notification.delivery'
import { MAX_TEMPLATES_PER_REQUEST, NOTIFICATION_TEMPLATES, type NotificationTemplate } from './notification.templates'

/** Outbox rows are numbered by the database (bigserial); ids travel as JSON numbers. */
export const notificationId = z.int('消息编号须为整数').min(1, '消息编号须为正整数').max(Number.MAX_SAFE_INTEGER)

export { INBOX_PAGE_SIZE, MAX_MARK_READ } from './notification.limits'

const templateKey = z.enum(NOTIFICATION_TEMPLATES, '未知的消息模板')

export const notificationSchemas = {
  /** Newest first; `cursor` is the id of the last item of the previous page (the next page has smaller ids). */
  inbox: z.strictObject({
    cursor: notificationId.optional(),
    unreadOnly: z.boolean().optional(),
    limit: z.int().min(1).max(50).default(INBOX_PAGE_SIZE),
  }),
  markRead: z.strictObject({
    ids: z.array(notificationId).min(1, '请选择要标为已读的消息').max(MAX_MARK_READ, `一次最多标记${MAX_MARK_READ}条消息`),
  }),
  /**
   * What the user answered to wx.requestSubscribeMessage: the keys asked for and those accepted. Each accepted key is
   * one consent for one message (the backend stores one grant per key).
   */
  subscribe: z
    .strictObject({
      templateKeys: z
        .array(templateKey)
        .min(1, '请至少选择一个消息模板')
        .max(MAX_TEMPLATES_PER_REQUEST, `每次最多请求${MAX_TEMPLATES_PER_REQUEST}个订阅消息模板`)
        .refine((keys) => new Set(keys).size === keys.length, '消息模板不能重复'),
      granted: z
        .array(templateKey)
        .max(MAX_TEMPLATES_PER_REQUEST, `每次最多请求${MAX_TEMPLATES_PER_REQUEST}个订阅消息模板`)
        .refine((keys) => new Set(keys).size === keys.length, '消息模板不能重复'),
    })
    .refine((input) => input.granted.every((key) => input.templateKeys.includes(key)), {
      path: ['granted'],
      message: '同意的消息模板须是本次请求的模板',
    }),
}

export type InboxInput = z.infer<typeof notificationSchemas.inbox>
export type MarkReadInput = z.infer<typeof notificationSchemas.markRead>
export type SubscribeInput = z.infer<typeof notificationSchemas.subscribe>

/** One message of the message center (消息中心), rendered with `renderNotification`. */
export interface InboxItemView {
  id: number
  template: NotificationTemplate
  title: string
  body: string
  /** ISO instant: when it was stored (or, for a reminder, when it fell due). */
  createdAt: string
  /** ISO instant, null while unread. */
  readAt: string | null
  /** What became of the WeChat push; see notification.delivery.ts. */
  delivery: DeliveryStatus
  /** Page to open, without a leading slash, or null. */
  link: string | null
}

/** Response shapes of the notifications area. */
export interface NotificationResponses {
  inbox: { items: InboxItemView[]; nextCursor: number | null; unread: number }
  markRead: { updated: number }
  /** Grants stored: one per accepted key. */
  subscribe: { granted: number }
}
