import { act, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import IndexPage from '@/pages/index/index'
import { RootStore, StoreProvider } from '@/stores'
import { FakeApi, holderUser, ok } from './fake-api'
import { click, renderPage } from './render'

const unauthenticated = () => ({ ok: false as const, error: { code: 'UNAUTHENTICATED' as const, message: '请先登录' } })
const noDevLogin = () => ({ ok: false as const, error: { code: 'DEV_LOGIN_DISABLED' as const, message: '当前环境未开放演示登录' } })

/** Builds the stores as a mini program build would (TARO_ENV and the api mode are build-time constants there). */
function asBuild<T>(env: { TARO_ENV: 'weapp'; TARO_APP_API_MODE?: string }, build: () => T): T {
  const saved = { TARO_ENV: process.env.TARO_ENV, TARO_APP_API_MODE: process.env.TARO_APP_API_MODE }
  process.env.TARO_ENV = env.TARO_ENV
  if (env.TARO_APP_API_MODE) process.env.TARO_APP_API_MODE = env.TARO_APP_API_MODE
  try {
    return build()
  } finally {
    process.env.TARO_ENV = saved.TARO_ENV
    if (saved.TARO_APP_API_MODE === undefined) delete process.env.TARO_APP_API_MODE
    else process.env.TARO_APP_API_MODE = saved.TARO_APP_API_MODE
  }
}

describe('sign-in on start', () => {
  let login: jest.SpyInstance
  beforeEach(() => {
    login = jest.spyOn(Taro, 'login').mockResolvedValue({ code: 'wx-code-0001', errMsg: 'login:ok' } as never)
  })
  afterEach(() => jest.restoreAllMocks())

  it('weapp over HTTP: nobody signed in → Taro.login, the code goes to auth.login, the token and user are kept', async () => {
    const api = new FakeApi()
      .on('auth.me', unauthenticated)
      .on('auth.demoUsers', noDevLogin)
      .on('auth.login', () => ok({ token: 'session-token-1', user: holderUser }))
    const store = asBuild({ TARO_ENV: 'weapp' }, () => new RootStore(api))
    expect(store.session.way).toBe('wechat')
    await store.session.init()
    expect(login).toHaveBeenCalledTimes(1)
    expect(api.callsOf('auth.login').map((c) => c.payload)).toEqual([{ code: 'wx-code-0001' }])
    expect(api.getToken()).toBe('session-token-1')
    expect(store.session.user).toEqual(holderUser)
    expect(store.session.ready).toBe(true)
    expect(store.session.signInFailed).toBeNull()
    store.dispose()
  })

  it('weapp over HTTP with a stored session that still works: no new WeChat sign-in', async () => {
    const api = new FakeApi().on('auth.me', () => ok({ user: holderUser })).on('auth.demoUsers', noDevLogin)
    const store = asBuild({ TARO_ENV: 'weapp' }, () => new RootStore(api))
    await store.session.init()
    expect(login).not.toHaveBeenCalled()
    expect(api.callsOf('auth.login')).toHaveLength(0)
    expect(store.session.user?.name).toBe(holderUser.name)
    store.dispose()
  })

  it('H5 never calls Taro.login (the desktop console signs in by QR code)', async () => {
    const api = new FakeApi().on('auth.me', unauthenticated).on('auth.demoUsers', noDevLogin).on('auth.desktopChallenge', noDevLogin)
    const store = new RootStore(api)
    expect(store.session.way).toBe('desktop')
    await store.session.init()
    expect(login).not.toHaveBeenCalled()
    expect(api.callsOf('auth.login')).toHaveLength(0)
    expect(store.session.user).toBeNull()
    store.dispose()
  })

  it('cloud mode: the trusted OPENID signs in through auth.me, no Taro.login', async () => {
    const api = new FakeApi().on('auth.me', () => ok({ user: holderUser })).on('auth.demoUsers', noDevLogin)
    const store = asBuild({ TARO_ENV: 'weapp', TARO_APP_API_MODE: 'cloud' }, () => new RootStore(api, { upload: jest.fn() } as never))
    expect(store.session.way).toBe('cloud')
    await store.session.init()
    expect(login).not.toHaveBeenCalled()
    expect(store.session.user?.name).toBe(holderUser.name)
    store.dispose()
  })

  it('weapp with dev login offered: the role switcher as before, no WeChat sign-in', async () => {
    const api = new FakeApi()
      .on('auth.me', unauthenticated)
      .on('auth.demoUsers', () => ok({ items: [{ userKey: 'holder-demo', name: '张海', roles: ['holder'] }] }))
      .on('auth.devLogin', () => ok({ token: 't-holder-demo', user: holderUser }))
    const store = asBuild({ TARO_ENV: 'weapp' }, () => new RootStore(api))
    await store.session.init()
    expect(login).not.toHaveBeenCalled()
    expect(store.session.demoUsers).toHaveLength(1)
    expect(await store.session.devLogin('holder-demo')).toBe(true)
    expect(api.getToken()).toBe('t-holder-demo')
    store.dispose()
  })

  it('a refused code shows the Chinese reason with 重试, which signs in with a new code', async () => {
    let attempt = 0
    login.mockImplementation(async () => ({ code: `wx-code-000${++attempt}`, errMsg: 'login:ok' }))
    const api = new FakeApi()
      .on('auth.me', unauthenticated)
      .on('auth.demoUsers', noDevLogin)
      .on('auth.login', ({ code }) =>
        code === 'wx-code-0001'
          ? { ok: false, error: { code: 'WECHAT_CODE_INVALID', message: '微信登录凭证无效或已过期，请重新进入小程序' } }
          : ok({ token: 'session-token-2', user: holderUser }),
      )
    const store = asBuild({ TARO_ENV: 'weapp' }, () => new RootStore(api))
    await store.session.init()
    expect(store.session.user).toBeNull()
    expect(store.session.signInFailed).toBe('微信登录凭证无效或已过期，请重新进入小程序')

    render(
      <StoreProvider store={store}>
        <IndexPage />
      </StoreProvider>,
    )
    expect(document.getElementById('sign-in-failed')?.textContent).toContain('微信登录凭证无效')
    expect(document.getElementById('sign-in-retry')?.textContent).toContain('重试')
    await click('sign-in-retry')
    expect(api.callsOf('auth.login').map((c) => c.payload.code)).toEqual(['wx-code-0001', 'wx-code-0002'])
    expect(document.getElementById('current-user')?.textContent).toBe(holderUser.name)
    expect(document.getElementById('sign-in-failed')).toBeNull()
    expect(api.getToken()).toBe('session-token-2')
    store.dispose()
  })

  it('wx.login itself failing (no network) is a failure to retry, not a crash', async () => {
    login.mockRejectedValue(new Error('login:fail'))
    const api = new FakeApi().on('auth.me', unauthenticated).on('auth.demoUsers', noDevLogin)
    const store = asBuild({ TARO_ENV: 'weapp' }, () => new RootStore(api))
    await store.session.init()
    expect(store.session.signInFailed).toContain('微信登录失败')
    expect(api.callsOf('auth.login')).toHaveLength(0)
    expect(store.session.ready).toBe(true)
    store.dispose()
  })
})

describe('logout', () => {
  it('ends the session on the server, then forgets the token and the user', async () => {
    const api = new FakeApi().on('auth.logout', () => ok({ signedOut: true })).on('auth.desktopChallenge', noDevLogin)
    const { store } = await renderPage(<IndexPage />, api, holderUser)
    api.setToken('session-token-1')
    expect(screen.getByText(holderUser.name)).toBeTruthy()
    await act(async () => {
      await store.session.logout()
    })
    expect(api.callsOf('auth.logout')).toHaveLength(1)
    expect(api.getToken()).toBeNull()
    expect(store.session.user).toBeNull()
    expect(document.getElementById('current-user')).toBeNull()
    // In H5 the home page offers the QR sign-in again.
    await waitFor(() => expect(document.getElementById('desktop-status')).toBeTruthy())
    store.dispose()
  })
})
