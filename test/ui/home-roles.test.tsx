import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import IndexPage from '@/pages/index/index'
import CardPage from '@/pages/card/index'
import MinePage from '@/pages/mine/index'
import SessionsPage from '@/pages/sessions/index'
import BookPage from '@/packages/holder/pages/sessions/book'
import { RootStore } from '@/stores'
import type { UserView } from '@/core/auth/roles'
import { booking, tuesday } from './booking-fixtures'
import { adminUser, FakeApi, holderUser, ok, staffUser } from './fake-api'
import { inboxItem } from './inbox-fixtures'
import { handlerUser, leaderUser, problemView } from './problem-fixtures'
import { pendingView } from './rating-fixtures'
import { click, renderPage } from './render'

const newcomer: UserView = { id: 'u-new', name: '新用户', roles: [], departmentId: null }
const tiles = () => Array.from(document.querySelectorAll('.home-tile')).map((tile) => tile.id)
const text = (id: string) => document.getElementById(id)?.textContent ?? null

/** A backend with something waiting for every role: 2 ratings, 3 problems to sign, 4 unread, a booking, a service day. */
function busyApi() {
  return new FakeApi()
    .on('notifications.inbox', () => ok({ items: [], nextCursor: null, unread: 4 }))
    .on('ratings.pending', () => ok({ items: [pendingView(), pendingView({ targetId: 'x' })] }))
    .on('bookings.mine', () => ok({ items: [booking({ id: 'b1' })] }))
    .on('bookings.homeVisits', () => ok({ items: [] }))
    .on('stations.sessions', () => ok({ items: [{ ...tuesday, staffIds: [staffUser.id] }] }))
    .on('problems.list', () => ok({ items: [problemView(), problemView(), problemView()], nextCursor: null }))
}

describe('首页 per role', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => jest.restoreAllMocks())

  it.each([
    [holderUser, ['entry-card', 'entry-sessions', 'entry-problems', 'entry-ratings'], ['entry-verify', 'entry-admin-cards']],
    [staffUser, ['entry-verify', 'entry-desk', 'entry-staff-problems', 'entry-home-visits'], ['entry-card', 'entry-sessions', 'entry-ratings']],
    [handlerUser, ['entry-handler-inbox', 'entry-handler-rectifications', 'entry-leader-scores', 'entry-policy-manage'], ['entry-card', 'entry-desk']],
    [leaderUser, ['entry-leader-dashboard', 'entry-leader-ledger', 'entry-leader-report', 'entry-leader-scores'], ['entry-card', 'entry-admin-cards']],
    [adminUser, ['entry-admin-dispatch', 'entry-admin-stations', 'entry-admin-cards', 'entry-admin-people'], ['entry-card', 'entry-sessions']],
  ])('%s: the main jobs first, policies and messages last, nothing of other roles', async (user, first, absent) => {
    const { store } = await renderPage(<IndexPage />, busyApi(), user)
    expect(tiles().slice(0, 4)).toEqual(first)
    expect(tiles().slice(-2)).toEqual(['entry-policies', 'entry-inbox'])
    for (const id of absent) expect(document.getElementById(id)).toBeNull()
    store.dispose()
  })

  it('counts what waits and shows the holder’s next booking on top', async () => {
    const { store } = await renderPage(<IndexPage />, busyApi(), holderUser)
    await waitFor(() => expect(text('entry-ratings-count')).toBe('2'))
    expect(text('inbox-unread')).toBe('4')
    await waitFor(() => expect(text('home-next')).toContain('09:00–09:30'))
    expect(text('home-next')).toContain(tuesday.station.name)
    store.dispose()
  })

  it('counts 待签收 for a handler (20+ past a page) and shows staff their next service day', async () => {
    const api = busyApi().on('problems.list', () => ok({ items: Array.from({ length: 20 }, () => problemView()), nextCursor: 'next' }))
    const handler = await renderPage(<IndexPage />, api, handlerUser)
    await waitFor(() => expect(text('entry-handler-inbox-count')).toBe('20+'))
    expect(api.callsOf('problems.list')[0].payload).toEqual({ status: 'assigned', limit: 20 })
    expect(document.getElementById('home-next')).toBeNull()
    handler.store.dispose()
    handler.unmount()

    const staff = await renderPage(<IndexPage />, busyApi(), staffUser)
    await waitFor(() => expect(text('home-next')).toContain('下次服务日'))
    expect(text('home-next')).toContain('09:00–10:00')
    staff.store.dispose()
  })
})

describe('tabs per role', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => jest.restoreAllMocks())

  it('gives staff a 工作台 and their messages where holders book and show their card', async () => {
    const setTab = jest.spyOn(Taro, 'setTabBarItem').mockResolvedValue({ errMsg: 'ok' } as never)
    const setTitle = jest.spyOn(Taro, 'setNavigationBarTitle').mockResolvedValue({ errMsg: 'ok' } as never)
    const api = busyApi().on('notifications.inbox', () => ok({ items: [inboxItem({ id: 1 })], nextCursor: null, unread: 1 }))
    const sessions = await renderPage(<SessionsPage />, api, staffUser)
    expect(document.getElementById('workbench')).toBeTruthy()
    expect(document.getElementById('work-entry-verify')).toBeTruthy()
    expect(document.getElementById('sessions-list')).toBeNull()
    await waitFor(() => expect(setTab).toHaveBeenCalledWith({ index: 1, text: '工作台', iconPath: 'assets/tab/work.png', selectedIconPath: 'assets/tab/work-active.png' }))
    expect(setTab).toHaveBeenCalledWith({ index: 2, text: '消息', iconPath: 'assets/tab/message.png', selectedIconPath: 'assets/tab/message-active.png' })
    expect(setTitle).toHaveBeenCalledWith({ title: '工作台' })
    sessions.store.dispose()
    sessions.unmount()

    const card = await renderPage(<CardPage />, api, staffUser)
    expect(document.getElementById('card-go-activate')).toBeNull()
    await act(async () => {
      await card.store.inbox.load()
    })
    expect(text('messages-panel')).toContain('诉求已签收')
    expect(text('messages-all')).toContain('1 条未读')
    expect(setTitle).toHaveBeenCalledWith({ title: '消息' })
    card.store.dispose()
  })

  it('keeps 预约服务 and 服务卡 for holders', async () => {
    const setTab = jest.spyOn(Taro, 'setTabBarItem').mockResolvedValue({ errMsg: 'ok' } as never)
    const { store } = await renderPage(<SessionsPage />, busyApi(), holderUser)
    await waitFor(() => expect(document.getElementById(`session-${tuesday.id}`)).toBeTruthy())
    expect(document.getElementById('workbench')).toBeNull()
    expect(setTab).toHaveBeenCalledWith({ index: 1, text: '预约服务', iconPath: 'assets/tab/sessions.png', selectedIconPath: 'assets/tab/sessions-active.png' })
    expect(setTab).toHaveBeenCalledWith({ index: 2, text: '服务卡', iconPath: 'assets/tab/card.png', selectedIconPath: 'assets/tab/card-active.png' })
    store.dispose()
  })

  it('offers a newcomer activation before the booking form, not a refusal after it', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' } as never)
    const sessions = await renderPage(<SessionsPage />, busyApi(), newcomer)
    await waitFor(() => expect(document.getElementById(`slot-${tuesday.slots[0].id}`)).toBeTruthy())
    await click(`slot-${tuesday.slots[0].id}`)
    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }))
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '预约需要服务卡' })
    expect(navigate).not.toHaveBeenCalled()
    sessions.store.dispose()
    sessions.unmount()

    const book = await renderPage(<BookPage />, busyApi(), newcomer)
    expect(text('activate-first')).toContain('预约需要服务卡')
    expect(document.getElementById('book-submit')).toBeNull()
    book.store.dispose()
  })
})

describe('适老化 mode', () => {
  beforeEach(() => localStorage.clear())

  it('is switched on in 我的, kept for the next start, and makes the home page the four main jobs', async () => {
    const mine = await renderPage(<MinePage />, busyApi(), holderUser)
    const page = () => document.querySelector('.page')!
    expect(page().className).not.toContain('elderly')
    await act(async () => {
      fireEvent(document.getElementById('elderly-mode')!, new CustomEvent('change', { detail: { value: true } }))
    })
    expect(page().className).toContain('elderly')
    mine.store.dispose()
    mine.unmount()

    // A new start reads the choice back.
    const home = await renderPage(<IndexPage />, busyApi(), holderUser)
    expect(home.store.display.elderly).toBe(true)
    expect(page().className).toContain('elderly')
    expect(tiles()).toEqual(['entry-card', 'entry-sessions', 'entry-problems', 'entry-ratings'])
    await click('home-more')
    expect(tiles()).toContain('entry-inbox')
    expect(screen.queryByText('全部服务')).toBeNull()
    home.store.dispose()
  })

  it('follows the phone’s large type until the person chooses', () => {
    expect(new RootStore(new FakeApi(), undefined, 22).display.elderly).toBe(true)
    expect(new RootStore(new FakeApi(), undefined, 17).display.elderly).toBe(false)
    localStorage.setItem('display-elderly', JSON.stringify({ data: false }))
    expect(new RootStore(new FakeApi(), undefined, 22).display.elderly).toBe(false)
  })
})
