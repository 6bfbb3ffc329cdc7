import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import IndexPage from '@/pages/index/index'
import MinePage from '@/pages/mine/index'
import type { Role } from '@/core/auth/roles'
import type { DemoUser } from '@/stores/session.store'
import { adminUser, enterpriseCard, FakeApi, holderUser, ok, staffUser } from './fake-api'
import { click, renderPage, typeInto } from './render'

const demoUsers: DemoUser[] = [
  { userKey: 'holder-demo', name: '张海', roles: ['holder'] },
  { userKey: 'staff-demo', name: '王芳', roles: ['staff'] },
  { userKey: 'admin-demo', name: '赵管理', roles: ['admin'] },
]

describe('首页', () => {
  it('offers the demo users, signs in with one and shows the entries of its role', async () => {
    const api = new FakeApi()
      .on('auth.demoUsers', () => ok({ items: demoUsers }))
      .on('auth.devLogin', ({ userKey }) =>
        ok({ token: `t-${userKey}`, user: userKey === 'staff-demo' ? staffUser : adminUser }),
      )
    const { store } = await renderPage(<IndexPage />, api, null)
    await act(async () => {
      await store.session.loadDemoUsers()
    })
    expect(screen.getByText('流动政务服务站')).toBeTruthy()
    expect(document.getElementById('login-holder-demo')?.textContent).toContain('张海（服务卡持卡人）')
    expect(document.getElementById('entry-verify')).toBeNull()

    await act(async () => {
      fireEvent.click(document.getElementById('login-staff-demo')!)
    })
    await waitFor(() => expect(document.getElementById('current-user')?.textContent).toBe(staffUser.name))
    expect(api.getToken()).toBe('t-staff-demo')
    expect(document.getElementById('entry-verify')).toBeTruthy()
    expect(document.getElementById('entry-admin-cards')).toBeNull()
    expect(document.getElementById('entry-card')).toBeNull()

    await act(async () => {
      fireEvent.click(document.getElementById('login-admin-demo')!)
    })
    await waitFor(() => expect(document.getElementById('entry-admin-cards')).toBeTruthy())
    expect(document.getElementById('entry-admin-issue')).toBeTruthy()
    expect(document.getElementById('entry-verify')).toBeNull()
    store.dispose()
  })

  it('hides the switcher when the host has no dev login', async () => {
    const api = new FakeApi().on('auth.demoUsers', () => ({ ok: false, error: { code: 'DEV_LOGIN_DISABLED', message: '当前环境未开放演示登录' } }))
    const { store } = await renderPage(<IndexPage />, api, holderUser)
    await act(async () => {
      await store.session.loadDemoUsers()
    })
    expect(screen.queryByText('切换演示身份')).toBeNull()
    expect(document.getElementById('entry-card')).toBeTruthy()
    store.dispose()
  })
})

describe('我的', () => {
  it('activates a card with the code, then refreshes the user and the cards', async () => {
    let roles: Role[] = []
    const api = new FakeApi()
      .on('auth.me', () => ok({ user: { ...holderUser, roles } }))
      .on('cards.activate', () => {
        roles = ['holder']
        return ok(enterpriseCard)
      })
      .on('cards.mine', () => ok({ items: [enterpriseCard] }))
    const { store } = await renderPage(<MinePage />, api, null)
    await typeInto('activate-input', 'k7m2-p9q4-r8t3')
    await click('activate-submit')
    await waitFor(() => expect(document.getElementById('activate-result')?.textContent).toContain('E2026000001'))
    // A clear success state in place of the form (issue 15, defect 12), with the way on to the card.
    expect(document.getElementById('activate-result')!.textContent).toContain('服务卡已激活')
    expect(document.getElementById('activate-result')!.className).toContain('success-panel')
    expect(document.getElementById('activate-input')).toBeNull()
    expect(document.getElementById('activate-submit')).toBeNull()
    expect(document.getElementById('activate-view-card')).toBeTruthy()
    expect(api.callsOf('cards.activate')[0].payload).toEqual({ activationCode: 'k7m2-p9q4-r8t3' })
    expect(store.session.user?.roles).toEqual(['holder'])
    expect(store.card.items).toHaveLength(1)
    store.dispose()
  })
})
