import { notificationSchemas, type NotificationResponses } from '../../../src/core/notification/notification.schema'
import { defineAction, type ActionTable } from '../action'
import { storeGrants } from './grants'
import { inboxPage, markRead } from './inbox.queries'

/** 消息中心 and subscribe-message consent: every signed-in user has their own messages, whatever their roles. */
export const notificationActions = {
  inbox: defineAction({
    input: notificationSchemas.inbox,
    access: 'signedIn',
    async run(input, ctx): Promise<NotificationResponses['inbox']> {
      return inboxPage(ctx.db, ctx.caller.id, ctx.now, input)
    },
  }),

  markRead: defineAction({
    input: notificationSchemas.markRead,
    access: 'signedIn',
    async run({ ids }, ctx): Promise<NotificationResponses['markRead']> {
      return { updated: await markRead(ctx.db, ctx.caller.id, ids, ctx.now) }
    },
  }),

  /**
   * What the user answered to wx.requestSubscribeMessage (asked from a tap, ≤ 3 templates): one grant per accepted
   * key, each good for one pushed message. Rejected keys store nothing; their messages stay in 消息中心.
   */
  subscribe: defineAction({
    input: notificationSchemas.subscribe,
    access: 'signedIn',
    async run({ granted }, ctx): Promise<NotificationResponses['subscribe']> {
      return { granted: await storeGrants(ctx.db, ctx.caller.id, granted, ctx.now) }
    },
  }),
} satisfies ActionTable
