import { act, fireEvent, screen } from '@testing-library/react'
import CardPage from '@/pages/card/index'
import { base64urlnopad } from '@scure/base'
import { ed25519, nobleSigner } from '@/core/card/card.token.noble'
import { signOfflineCredential, verifyOfflineCode } from '@/core/card/offline-code'
import { enterpriseCard, FakeApi, holderUser, ok } from './fake-api'
import { renderPage } from './render'

function tokenApi() {
  let n = 0
  return new FakeApi().on('cards.mine', () => ok({ items: [enterpriseCard] })).on('cards.token', () => {
    n += 1
    const now = Date.now()
    return ok({
      qr: `LDZW1.token-${n}`,
      expiresAt: new Date(now + 60_000).toISOString(),
      refreshAfter: new Date(now + 30_000).toISOString(),
    })
  })
}

async function flush() {
  await act(async () => {
    await Promise.resolve()
    await Promise.resolve()
  })
}

describe('我的服务卡', () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  it('shows the card and masks identity details until tapped', async () => {
    const api = tokenApi()
    const { store, unmount } = await renderPage(<CardPage />, api, holderUser)
    expect(await screen.findByText('三河智造科技有限公司')).toBeTruthy()
    expect(document.getElementById('card-holder-name')?.textContent).toBe('三河智造科技有限公司')
    expect(document.getElementById('card-status')?.textContent).toContain('正常')
    expect(screen.getByText('企业卡')).toBeTruthy()

    const identity = document.getElementById('card-identity')!
    expect(identity.textContent).toContain('9113**********XX1Q')
    expect(identity.textContent).toContain('138****5678')
    expect(identity.textContent).not.toContain('13812345678')

    fireEvent.click(identity)
    expect(identity.textContent).toContain('91131082MA0CXXXX1Q')
    expect(identity.textContent).toContain('13812345678')

    fireEvent.click(identity)
    expect(identity.textContent).toContain('138****5678')
    unmount()
    store.dispose()
  })

  it('folds the code as text (for a desk that verifies on a computer) away until 电脑端核验 is tapped (issue 15, defect 11)', async () => {
    const api = tokenApi()
    const { store, unmount } = await renderPage(<CardPage />, api, holderUser)
    const toggle = await screen.findByText(/电脑端核验/)
    const folded = () => document.getElementById('card-qr-text')!.parentElement!.className.includes('qr-text-folded')
    expect(folded()).toBe(true)
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(toggle)
    expect(folded()).toBe(false)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    unmount()
    store.dispose()
  })

  it('renders the QR token, counts down every second and refreshes every 30 s; stops on unmount', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T02:00:00.000Z') })
    const api = tokenApi()
    const { store, unmount } = await renderPage(<CardPage />, api, holderUser)
    await flush()
    await flush()

    expect(api.callsOf('cards.token')).toHaveLength(1)
    expect(api.callsOf('cards.token')[0].payload).toEqual({ cardId: enterpriseCard.card.id })
    expect(document.getElementById('card-qr-text')?.textContent).toBe('LDZW1.token-1')
    const image = document.getElementById('card-qr-image')!
    expect(image).toBeTruthy()
    expect(document.getElementById('card-countdown')?.textContent).toContain('60 秒')

    await act(async () => {
      jest.advanceTimersByTime(5_000)
    })
    expect(document.getElementById('card-countdown')?.textContent).toContain('55 秒')

    await act(async () => {
      jest.advanceTimersByTime(25_000)
    })
    await flush()
    expect(api.callsOf('cards.token')).toHaveLength(2)
    expect(document.getElementById('card-qr-text')?.textContent).toBe('LDZW1.token-2')
    expect(document.getElementById('card-countdown')?.textContent).toContain('60 秒')

    await act(async () => {
      jest.advanceTimersByTime(60_000)
    })
    await flush()
    expect(api.callsOf('cards.token')).toHaveLength(4)

    unmount()
    await act(async () => {
      jest.advanceTimersByTime(120_000)
    })
    expect(api.callsOf('cards.token')).toHaveLength(4)
    store.dispose()
  })

  it('counts down to expiry when refreshing fails, then says the code expired', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T02:00:00.000Z') })
    let fail = false
    const api = tokenApi()
    const first = tokenApi()
    api.on('cards.token', (payload) => {
      if (fail) return { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } }
      return first.call('cards', 'token', payload)
    })
    const { store, unmount } = await renderPage(<CardPage />, api, holderUser)
    await flush()
    await flush()
    fail = true
    await act(async () => {
      jest.advanceTimersByTime(61_000)
    })
    await flush()
    expect(document.getElementById('card-countdown')?.textContent).toContain('已失效')
    expect(screen.getByText('网络异常，请稍后重试')).toBeTruthy()
    unmount()
    store.dispose()
  })

  it('without a network shows a code made on the phone, which a station verifies offline and which changes every 30 s', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T02:00:10.000Z'), doNotFake: ['queueMicrotask'] })
    localStorage.clear()
    const districtKey = ed25519.randomSecretKey()
    const kit = { cardPublicKey: base64urlnopad.encode(ed25519.getPublicKey(districtKey)), blockedCards: [] }
    let online = true
    const api = tokenApi()
    const first = tokenApi()
    api
      .on('cards.token', (payload) =>
        online ? first.call('cards', 'token', payload) : { ok: false, error: { code: 'NETWORK_UNAVAILABLE', message: '网络连接不可用，请检查网络后重试' } },
      )
      .on('cards.bindDevice', ({ cardId, publicKey }) => {
        const validUntil = new Date(Date.now() + 7 * 86_400_000)
        const credential = signOfflineCredential({ cardId, cardType: 'enterprise', holderName: '三河智造科技有限公司', devicePublicKey: publicKey, validUntil }, nobleSigner(districtKey))
        return ok({ credential, validUntil: validUntil.toISOString() })
      })
    const { store, unmount } = await renderPage(<CardPage />, api, holderUser)
    for (let i = 0; i < 6; i++) await flush()
    expect(api.callsOf('cards.bindDevice')).toHaveLength(1)
    expect(document.getElementById('card-offline-note')).toBeNull()

    online = false
    await act(async () => {
      jest.advanceTimersByTime(30_000)
    })
    for (let i = 0; i < 4; i++) await flush()
    const code = document.getElementById('card-qr-text')!.textContent!
    expect(code).toMatch(/^LDZO1\./)
    expect(document.getElementById('card-offline-note')!.textContent).toContain('当前无网络')
    expect(verifyOfflineCode(code, kit, new Date(Date.now()))).toMatchObject({ ok: true, data: { cardId: enterpriseCard.card.id, holderName: '三河智造科技有限公司' } })

    await act(async () => {
      jest.advanceTimersByTime(31_000)
    })
    for (let i = 0; i < 4; i++) await flush()
    const next = document.getElementById('card-qr-text')!.textContent!
    expect(next).toMatch(/^LDZO1\./)
    expect(next).not.toBe(code)

    online = true
    await act(async () => {
      fireEvent.click(document.getElementById('card-qr-refresh')!)
    })
    for (let i = 0; i < 4; i++) await flush()
    expect(document.getElementById('card-qr-text')!.textContent).toMatch(/^LDZW1\./)
    expect(document.getElementById('card-offline-note')).toBeNull()
    unmount()
    store.dispose()
  })

  it('without a network and never bound on this phone, says to go online once', async () => {
    localStorage.clear()
    const api = new FakeApi()
      .on('cards.mine', () => ok({ items: [enterpriseCard] }))
      .on('cards.token', () => ({ ok: false, error: { code: 'NETWORK_UNAVAILABLE', message: '网络连接不可用，请检查网络后重试' } }))
    const { store, unmount } = await renderPage(<CardPage />, api, holderUser)
    expect(await screen.findByText(/本机尚未保存离线服务卡/)).toBeTruthy()
    unmount()
    store.dispose()
  })

  it('tells a user without a card how to activate one', async () => {
    const api = new FakeApi().on('cards.mine', () => ok({ items: [] }))
    const { store } = await renderPage(<CardPage />, api, { ...holderUser, roles: [] })
    expect(await screen.findByText('去激活服务卡')).toBeTruthy()
    expect(api.callsOf('cards.token')).toHaveLength(0)
    store.dispose()
  })

  it('asks a visitor to sign in', async () => {
    const api = new FakeApi().on('auth.me', () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }))
    const { store } = await renderPage(<CardPage />, api, null)
    expect(screen.getByText('请先登录后查看服务卡')).toBeTruthy()
    store.dispose()
  })
})
