import { act, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import InboxPage from '@/packages/user/pages/inbox/index'
import IndexPage from '@/pages/index/index'
import { leaderUser } from './problem-fixtures'
import { FakeApi, holderUser, ok } from './fake-api'
import { inboxItem } from './inbox-fixtures'
import { click, renderPage } from './render'

const signed = inboxItem({ id: 12 })
const answered = inboxItem({ id: 11, template: 'problem.answered', title: '诉求已答复', body: '您的诉求已答复，请查看答复内容并进行评价。' })
const old = inboxItem({ id: 10, template: 'booking.confirmed', title: '预约成功', body: '您已成功预约流动政务服务。', readAt: '2026-11-04T02:00:00.000Z', link: 'pages/bookings/index' })
const cancelled = inboxItem({ id: 9, template: 'session.cancelled', title: '场次取消', body: '场次已取消。', link: 'pages/sessions/index' })

describe('消息中心', () => {
  let navigate: jest.SpyInstance
  let switchTab: jest.SpyInstance
  beforeEach(() => {
    navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
    switchTab = jest.spyOn(Taro, 'switchTab').mockImplementation(() => Promise.resolve() as never)
  })
  afterEach(() => jest.restoreAllMocks())

  it('lists the messages with title, body and time, and a dot on the unread ones', async () => {
    const api = new FakeApi().on('notifications.inbox', () => ok({ items: [signed, answered, old], nextCursor: null, unread: 2 }))
    // 11:30 in Shanghai; the message came at 01:30 UTC, 09:30 in Shanghai.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-05T03:30:00.000Z'))
    const { store } = await renderPage(<InboxPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById('inbox-item-12')).toBeTruthy())
    const item = document.getElementById('inbox-item-12')!
    expect(item.textContent).toContain('诉求已签收')
    expect(item.textContent).toContain('已由区自然资源局签收办理')
    expect(item.textContent).toContain('2小时前')
    expect(document.getElementById('inbox-unread-12')).toBeTruthy()
    expect(document.getElementById('inbox-unread-11')).toBeTruthy()
    expect(document.getElementById('inbox-unread-10')).toBeNull()
    expect(document.body.textContent).toContain('2条未读')
    expect(api.callsOf('notifications.inbox')[0].payload).toEqual({})
    store.dispose()
  })

  it('marks a tapped message read with markRead {ids} and opens its page; a tab page opens with switchTab', async () => {
    const api = new FakeApi()
      .on('notifications.inbox', () => ok({ items: [signed, cancelled, old], nextCursor: null, unread: 2 }))
      .on('notifications.markRead', ({ ids }) => ok({ updated: (ids as number[]).length }))
    const { store } = await renderPage(<InboxPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById('inbox-item-12')).toBeTruthy())

    await click('inbox-item-12')
    await waitFor(() => expect(document.getElementById('inbox-unread-12')).toBeNull())
    expect(api.callsOf('notifications.markRead').map((c) => c.payload)).toEqual([{ ids: [12] }])
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/user/pages/problem/detail?id=aaaaaaaa-0000-4000-8000-000000000001' })
    expect(store.inbox.unread).toBe(1)

    await click('inbox-item-9')
    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: '/pages/sessions/index' }))

    // A read message is not marked again, and still opens.
    await click('inbox-item-10')
    expect(api.callsOf('notifications.markRead')).toHaveLength(2)
    expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/holder/pages/bookings/index' })
    store.dispose()
  })

  it('puts the dot back when the server refuses markRead', async () => {
    const api = new FakeApi()
      .on('notifications.inbox', () => ok({ items: [signed], nextCursor: null, unread: 1 }))
      .on('notifications.markRead', () => ({ ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } }))
    const { store } = await renderPage(<InboxPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById('inbox-unread-12')).toBeTruthy())
    await click('inbox-item-12')
    await waitFor(() => expect(document.getElementById('inbox-error')).toBeTruthy())
    expect(document.getElementById('inbox-unread-12')).toBeTruthy()
    expect(store.inbox.unread).toBe(1)
    store.dispose()
  })

  it('全部已读 marks the loaded unread ones, then those of pages not loaded, until none is left', async () => {
    const unreadOnServer = [8, 7]
    const api = new FakeApi()
      .on('notifications.inbox', (payload) => {
        if (payload.unreadOnly) {
          const items = unreadOnServer.map((id) => inboxItem({ id }))
          return ok({ items, nextCursor: null, unread: items.length })
        }
        return ok({ items: [signed, answered, old], nextCursor: 10, unread: 4 })
      })
      .on('notifications.markRead', ({ ids }) => {
        const list = ids as number[]
        for (const id of list) {
          const at = unreadOnServer.indexOf(id)
          if (at >= 0) unreadOnServer.splice(at, 1)
        }
        return ok({ updated: list.length })
      })
    const { store } = await renderPage(<InboxPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById('inbox-unread-12')).toBeTruthy())
    await click('inbox-read-all')
    await waitFor(() => expect(store.inbox.readingAll).toBe(false))
    expect(api.callsOf('notifications.markRead').map((c) => c.payload)).toEqual([{ ids: [12, 11] }, { ids: [8, 7] }])
    expect(api.callsOf('notifications.inbox').slice(1).map((c) => c.payload)).toEqual([
      { unreadOnly: true, limit: 50 },
      { unreadOnly: true, limit: 50 },
    ])
    expect(document.getElementById('inbox-unread-12')).toBeNull()
    expect(document.getElementById('inbox-unread-11')).toBeNull()
    expect(store.inbox.unread).toBe(0)
    expect(document.getElementById('inbox-read-all')!.className).toContain('disabled')
    expect(document.body.textContent).toContain('没有未读消息')
    store.dispose()
  })

  it('pages older messages with the cursor', async () => {
    const api = new FakeApi().on('notifications.inbox', (payload) =>
      payload.cursor === 11 ? ok({ items: [old], nextCursor: null, unread: 2 }) : ok({ items: [signed, answered], nextCursor: 11, unread: 2 }),
    )
    const { store } = await renderPage(<InboxPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById('inbox-more')).toBeTruthy())
    await click('inbox-more')
    await waitFor(() => expect(document.getElementById('inbox-item-10')).toBeTruthy())
    expect(api.callsOf('notifications.inbox')[1].payload).toEqual({ cursor: 11 })
    expect(document.getElementById('inbox-more')).toBeNull()
    store.dispose()
  })
})

describe('首页: 消息中心 and the leaders’ entries', () => {
  it('shows 消息中心 to every signed-in user with the unread count as a badge', async () => {
    const api = new FakeApi().on('notifications.inbox', () => ok({ items: [signed], nextCursor: null, unread: 3 }))
    const { store } = await renderPage(<IndexPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById('inbox-unread')?.textContent).toBe('3'))
    expect(document.getElementById('entry-inbox')).toBeTruthy()
    expect(api.callsOf('notifications.inbox')[0].payload).toEqual({ unreadOnly: true, limit: 1 })
    expect(document.getElementById('entry-leader-dashboard')).toBeNull()
    store.dispose()
  })

  it('hides the badge when nothing is unread and offers leaders the dashboard', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
    const api = new FakeApi().on('notifications.inbox', () => ok({ items: [], nextCursor: null, unread: 0 }))
    const { store } = await renderPage(<IndexPage />, api, leaderUser)
    await waitFor(() => expect(api.callsOf('notifications.inbox')).toHaveLength(1))
    await act(async () => {})
    expect(document.getElementById('entry-inbox')).toBeTruthy()
    expect(document.getElementById('inbox-unread')).toBeNull()
    await click('entry-leader-dashboard')
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/leader/pages/dashboard/index' })
    navigate.mockRestore()
    store.dispose()
  })
})
