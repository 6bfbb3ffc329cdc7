import { notificationSchemas } from './notification.schema'

const messages = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues.map((i) => i.message) ?? []

describe('notifications.inbox', () => {
  it('takes an optional cursor and unread filter, with a default page size', () => {
    expect(notificationSchemas.inbox.parse({})).toEqual({ limit: 20 })
    expect(notificationSchemas.inbox.parse({ cursor: 120, unreadOnly: true, limit: 50 })).toEqual({ cursor: 120, unreadOnly: true, limit: 50 })
  })

  it('refuses bad cursors and unknown fields', () => {
    for (const input of [{ cursor: 0 }, { cursor: -3 }, { cursor: 1.5 }, { cursor: '12' }, { limit: 51 }, { unreadOnly: 'yes' }, { userId: 'x' }]) {
      expect({ input, ok: notificationSchemas.inbox.safeParse(input).success }).toEqual({ input, ok: false })
    }
  })
})

describe('notifications.markRead', () => {
  it('takes 1 to 100 positive ids', () => {
    expect(notificationSchemas.markRead.parse({ ids: [1, 2, 3] })).toEqual({ ids: [1, 2, 3] })
    expect(notificationSchemas.markRead.safeParse({ ids: Array.from({ length: 100 }, (_, i) => i + 1) }).success).toBe(true)
  })

  it('says in Chinese what is wrong', () => {
    expect(messages(notificationSchemas.markRead.safeParse({ ids: [] }))).toEqual(['请选择要标为已读的消息'])
    expect(messages(notificationSchemas.markRead.safeParse({ ids: Array.from({ length: 101 }, (_, i) => i + 1) }))).toEqual(['一次最多标记100条消息'])
    expect(messages(notificationSchemas.markRead.safeParse({ ids: [0] }))).toEqual(['消息编号须为正整数'])
    expect(messages(notificationSchemas.markRead.safeParse({ ids: [2.5] }))).toEqual(['消息编号须为整数'])
    expect(notificationSchemas.markRead.safeParse({ ids: ['1'] }).success).toBe(false)
    expect(notificationSchemas.markRead.safeParse({}).success).toBe(false)
  })
})

describe('notifications.subscribe', () => {
  const input = { templateKeys: ['booking.confirmed', 'booking.reminder', 'session.cancelled'], granted: ['booking.confirmed'] }

  it('takes the keys asked for and the accepted ones', () => {
    expect(notificationSchemas.subscribe.parse(input)).toEqual(input)
    expect(notificationSchemas.subscribe.safeParse({ ...input, granted: [] }).success).toBe(true)
    expect(notificationSchemas.subscribe.safeParse({ templateKeys: ['problem.resolved'], granted: ['problem.resolved'] }).success).toBe(true)
  })

  it('refuses more than 3 keys, none, duplicates and unknown keys', () => {
    expect(messages(notificationSchemas.subscribe.safeParse({ ...input, templateKeys: [...input.templateKeys, 'problem.resolved'] }))).toEqual([
      '每次最多请求3个订阅消息模板',
    ])
    expect(messages(notificationSchemas.subscribe.safeParse({ templateKeys: [], granted: [] }))).toContain('请至少选择一个消息模板')
    expect(messages(notificationSchemas.subscribe.safeParse({ templateKeys: ['report.ready', 'report.ready'], granted: [] }))).toEqual(['消息模板不能重复'])
    expect(messages(notificationSchemas.subscribe.safeParse({ templateKeys: ['booking.cancelled'], granted: [] }))).toEqual(['未知的消息模板'])
  })

  it('refuses a grant of a key that was not asked for', () => {
    const result = notificationSchemas.subscribe.safeParse({ ...input, granted: ['report.ready'] })
    expect(result.success).toBe(false)
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['granted'], message: '同意的消息模板须是本次请求的模板' })])
  })

  it('refuses unknown fields', () => {
    expect(notificationSchemas.subscribe.safeParse({ ...input, userId: 'u1' }).success).toBe(false)
  })
})
