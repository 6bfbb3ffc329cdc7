import { act, fireEvent } from '@testing-library/react'
import IndexPage from '@/pages/index/index'
import { AUTO_RENEWALS, POLL_MS } from '@/stores/desktop-sign-in.store'
import type { AuthResponses } from '@/core/auth/auth.schema'
import type { Result } from '@/core/errors/result'
import { adminUser, FakeApi, ok } from './fake-api'
import { renderPage } from './render'

const START = new Date('2026-12-10T02:00:00.000Z')

/** The host's side of the QR sign-in: challenge n has id …000n and a 2-minute life; the test approves one. */
function desktopHost() {
  let serial = 0
  const state = { approved: null as string | null, dead: new Map<string, 'CHALLENGE_EXPIRED' | 'CHALLENGE_USED'>() }
  const api = new FakeApi()
    .on('auth.desktopChallenge', () => {
      serial += 1
      const challengeId = `aaaaaaaa-0000-4000-8000-${String(serial).padStart(12, '0')}`
      return ok({
        challengeId,
        pollKey: `poll-key-${serial}`.padEnd(43, 'x'),
        qr: `LDZW-DESKTOP:${challengeId}`,
        expiresAt: new Date(Date.now() + 120_000).toISOString(),
      })
    })
    .on('auth.pollDesktop', ({ challengeId }): Result<AuthResponses['pollDesktop']> => {
      const dead = state.dead.get(challengeId)
      if (dead) return { ok: false, error: { code: dead, message: '登录二维码已过期，请在电脑上刷新后重新扫码' } }
      if (state.approved === challengeId) return ok({ status: 'approved', token: 'desktop-token', user: adminUser })
      return ok({ status: 'pending' })
    })
  return { api, state }
}

const qrText = () => document.getElementById('desktop-qr')?.getAttribute('data-qr') ?? null
const status = () => document.getElementById('desktop-status')?.textContent ?? ''

async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms)
  })
}

describe('desktop console sign-in (H5, no dev login)', () => {
  beforeEach(() => jest.useFakeTimers({ now: START }))
  afterEach(() => jest.useRealTimers())

  it('shows the QR code, polls every 2 s with the poll key and signs in when the phone approves', async () => {
    const { api, state } = desktopHost()
    const { store, unmount } = await renderPage(<IndexPage />, api, null)
    await advance(0)
    expect(qrText()).toBe('LDZW-DESKTOP:aaaaaaaa-0000-4000-8000-000000000001')
    expect(document.getElementById('desktop-sign-in')?.textContent).toContain('请用微信小程序“我的 → 扫一扫”扫码登录')
    expect(status()).toContain('等待扫码确认')
    expect(api.callsOf('auth.pollDesktop')).toHaveLength(0)

    await advance(POLL_MS)
    expect(api.callsOf('auth.pollDesktop').map((c) => c.payload)).toEqual([
      { challengeId: 'aaaaaaaa-0000-4000-8000-000000000001', pollKey: 'poll-key-1'.padEnd(43, 'x') },
    ])
    await advance(POLL_MS * 3)
    expect(api.callsOf('auth.pollDesktop')).toHaveLength(4)
    expect(document.getElementById('current-user')).toBeNull()

    state.approved = 'aaaaaaaa-0000-4000-8000-000000000001'
    await advance(POLL_MS)
    expect(document.getElementById('current-user')?.textContent).toBe(adminUser.name)
    expect(api.getToken()).toBe('desktop-token')
    expect(store.session.user).toEqual(adminUser)
    expect(document.getElementById('desktop-sign-in')).toBeNull()

    // Signed in: no more polling.
    const polls = api.callsOf('auth.pollDesktop').length
    await advance(POLL_MS * 10)
    expect(api.callsOf('auth.pollDesktop')).toHaveLength(polls)
    expect(api.callsOf('auth.desktopChallenge')).toHaveLength(1)
    unmount()
    store.dispose()
  })

  it('a code that runs out (2 min) is replaced by a new one, then polled with its own key', async () => {
    const { api, state } = desktopHost()
    const { store, unmount } = await renderPage(<IndexPage />, api, null)
    await advance(0)
    expect(qrText()).toContain('000000000001')
    await advance(120_000 + POLL_MS)
    expect(api.callsOf('auth.desktopChallenge')).toHaveLength(2)
    expect(qrText()).toBe('LDZW-DESKTOP:aaaaaaaa-0000-4000-8000-000000000002')
    await advance(POLL_MS)
    expect(api.callsOf('auth.pollDesktop').at(-1)?.payload).toEqual({
      challengeId: 'aaaaaaaa-0000-4000-8000-000000000002',
      pollKey: 'poll-key-2'.padEnd(43, 'x'),
    })
    state.approved = 'aaaaaaaa-0000-4000-8000-000000000002'
    await advance(POLL_MS)
    expect(document.getElementById('current-user')?.textContent).toBe(adminUser.name)
    unmount()
    store.dispose()
  })

  it('CHALLENGE_EXPIRED / CHALLENGE_USED from the host renew the code; after a few, 刷新二维码 waits for a click', async () => {
    const { api, state } = desktopHost()
    // Every code the host hands out is refused at once.
    for (let n = 1; n <= AUTO_RENEWALS + 2; n++) {
      state.dead.set(`aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`, n % 2 ? 'CHALLENGE_EXPIRED' : 'CHALLENGE_USED')
    }
    const { store, unmount } = await renderPage(<IndexPage />, api, null)
    await advance(0)
    for (let n = 0; n < AUTO_RENEWALS; n++) await advance(POLL_MS)
    expect(api.callsOf('auth.desktopChallenge')).toHaveLength(1 + AUTO_RENEWALS)
    expect(document.getElementById('desktop-refresh')).toBeNull()

    await advance(POLL_MS)
    expect(api.callsOf('auth.desktopChallenge')).toHaveLength(1 + AUTO_RENEWALS)
    expect(document.getElementById('desktop-refresh')).toBeTruthy()
    expect(status()).toContain('二维码已过期')
    expect(qrText()).toBeNull()
    // Nothing polls while the button waits.
    const polls = api.callsOf('auth.pollDesktop').length
    await advance(60_000)
    expect(api.callsOf('auth.pollDesktop')).toHaveLength(polls)
    expect(api.callsOf('auth.desktopChallenge')).toHaveLength(1 + AUTO_RENEWALS)

    await act(async () => {
      fireEvent.click(document.getElementById('desktop-refresh')!)
    })
    await advance(0)
    expect(api.callsOf('auth.desktopChallenge')).toHaveLength(2 + AUTO_RENEWALS)
    expect(qrText()).toContain(String(2 + AUTO_RENEWALS).padStart(12, '0'))
    expect(document.getElementById('desktop-refresh')).toBeNull()
    unmount()
    store.dispose()
  })

  it('stops polling when the panel goes away', async () => {
    const { api } = desktopHost()
    const { store, unmount } = await renderPage(<IndexPage />, api, null)
    await advance(POLL_MS * 2)
    const polls = api.callsOf('auth.pollDesktop').length
    expect(polls).toBeGreaterThan(0)
    unmount()
    await advance(POLL_MS * 20)
    expect(api.callsOf('auth.pollDesktop')).toHaveLength(polls)
    store.dispose()
  })

  it('keeps the dev-login switcher instead when the host offers it', async () => {
    const api = desktopHost().api.on('auth.demoUsers', () => ok({ items: [{ userKey: 'admin-demo', name: '赵管理', roles: ['admin'] }] }))
    const { store, unmount } = await renderPage(<IndexPage />, api, null)
    await act(async () => {
      await store.session.loadDemoUsers()
    })
    await advance(POLL_MS * 2)
    expect(document.getElementById('desktop-sign-in')).toBeNull()
    expect(document.getElementById('login-admin-demo')).toBeTruthy()
    expect(api.callsOf('auth.pollDesktop')).toHaveLength(0)
    unmount()
    store.dispose()
  })
})
