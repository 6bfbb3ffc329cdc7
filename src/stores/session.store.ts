import { makeAutoObservable, runInAction } from 'mobx'
import { isCloudMode } from '@/api'
import type { ApiClient } from '@/api/client'
import { wechatLoginCode } from '@/api/wechat-login'
import type { AuthResponses } from '@/core/auth/auth.schema'
import type { Role, UserView } from '@/core/auth/roles'
import { readLocal, removeLocal, writeLocal } from '@/utils/local-store'

export type DemoUser = AuthResponses['demoUsers']['items'][number]

/** The signed-in person as last confirmed by the backend, so a phone opened without a network still knows who it is. */
const USER_KEY = 'session-user'
const isUser = (value: unknown): value is UserView =>
  typeof value === 'object' && value !== null && typeof (value as UserView).id === 'string' && Array.isArray((value as UserView).roles)

/** How a signed-out person gets in on this platform. */
export type SignInWay = 'wechat' | 'cloud' | 'desktop'

/** The mini program over HTTP signs in with wx.login; in cloud mode the OPENID is the identity; H5 is the desktop console. */
export function signInWay(): SignInWay {
  if (process.env.TARO_ENV === 'h5') return 'desktop'
  return isCloudMode() ? 'cloud' : 'wechat'
}

/**
 * Who is signed in: token (kept by the api client), the user, and the dev-login demo users when the host offers them.
 * On start the stored session is restored; a mini program over HTTP with nobody signed in exchanges a wx.login code.
 */
export class SessionStore {
  user: UserView | null = null
  /** null: the host does not offer dev login (hide the switcher). */
  demoUsers: DemoUser[] | null = null
  loading = false
  error: string | null = null
  ready = false
  /** A WeChat sign-in is under way. */
  signingIn = false
  /** Why the WeChat sign-in failed (shown with 重试); null when it did not fail. */
  signInFailed: string | null = null

  constructor(
    private readonly api: ApiClient,
    /** Which sign-in this build uses (tests pick one). */
    readonly way: SignInWay = signInWay(),
  ) {
    makeAutoObservable<SessionStore, 'api'>(this, { api: false, way: false })
  }

  get signedIn(): boolean {
    return this.user !== null
  }

  hasRole(role: Role): boolean {
    return this.user?.roles.includes(role) ?? false
  }

  /**
   * On start: restore the session from the stored token (or the WeChat context) and look for demo users; then, in the
   * mini program over HTTP with nobody signed in and no demo switcher offered, sign in with WeChat.
   */
  async init(): Promise<void> {
    await Promise.all([this.refreshMe(), this.loadDemoUsers()])
    if (!this.user && this.way === 'wechat' && this.demoUsers === null) await this.signIn()
    runInAction(() => {
      this.ready = true
    })
  }

  async loadDemoUsers(): Promise<void> {
    const res = await this.api.call('auth', 'demoUsers')
    runInAction(() => {
      this.demoUsers = res.ok ? res.data.items : null
    })
  }

  async refreshMe(): Promise<void> {
    const res = await this.api.call('auth', 'me')
    runInAction(() => {
      if (res.ok) {
        this.user = res.data.user
        writeLocal(USER_KEY, res.data.user)
      } else if (res.error.code === 'UNAUTHENTICATED' || res.error.code === 'ACCOUNT_DEACTIVATED') {
        this.forget()
        if (res.error.code === 'ACCOUNT_DEACTIVATED') this.signInFailed = res.error.message
      } else if (res.error.code === 'NETWORK_UNAVAILABLE' && !this.user && (this.api.getToken() || this.way === 'cloud')) {
        // Offline with a session kept on the phone: the backend re-checks it on the first request that gets through.
        this.user = readLocal(USER_KEY, isUser)
      }
    })
  }

  private forget(): void {
    this.api.setToken(null)
    this.user = null
    removeLocal(USER_KEY)
  }

  /** After a change of roles: the user again (and a fresh WeChat sign-in should the server have ended the session). */
  async reload(): Promise<void> {
    await this.refreshMe()
    if (!this.user && this.way !== 'desktop') await this.signIn()
  }

  /**
   * Signs in the way this platform does (the 登录 / 重试 button): a wx.login code exchanged by `auth.login` in the mini
   * program over HTTP, the trusted OPENID (`auth.me`) in cloud mode. The desktop console signs in by QR code instead.
   */
  async signIn(): Promise<boolean> {
    if (this.signingIn) return false
    this.signingIn = true
    this.signInFailed = null
    const failed = this.way === 'cloud' ? await this.signInByContext() : this.way === 'wechat' ? await this.signInWithWechat() : null
    runInAction(() => {
      this.signingIn = false
      this.signInFailed = failed
    })
    return failed === null && this.user !== null
  }

  /** null when signed in, else the message to show. */
  private async signInWithWechat(): Promise<string | null> {
    let code: string
    try {
      code = await wechatLoginCode()
    } catch {
      return '微信登录失败，请检查网络后重试'
    }
    const res = await this.api.call('auth', 'login', { code })
    if (!res.ok) return res.error.message
    this.adopt(res.data.token, res.data.user)
    return null
  }

  private async signInByContext(): Promise<string | null> {
    const res = await this.api.call('auth', 'me')
    if (!res.ok) return res.error.message
    runInAction(() => {
      this.user = res.data.user
      writeLocal(USER_KEY, res.data.user)
    })
    return null
  }

  /** A session issued elsewhere (the desktop QR sign-in): keep its token and show its user. */
  adopt(token: string, user: UserView): void {
    this.api.setToken(token)
    this.user = user
    writeLocal(USER_KEY, user)
    this.signInFailed = null
  }

  async devLogin(userKey: string): Promise<boolean> {
    this.loading = true
    this.error = null
    const res = await this.api.call('auth', 'devLogin', { userKey })
    runInAction(() => {
      this.loading = false
      if (res.ok) this.adopt(res.data.token, res.data.user)
      else this.error = res.error.message
    })
    return res.ok
  }

  /** 我的 → 扫一扫 on the desktop console's QR code: this person lets that browser sign in as them. */
  approveDesktop(challengeId: string) {
    return this.api.call('auth', 'approveDesktop', { challengeId })
  }

  /** Ends the session on the server (its token stops working at once), then forgets it here either way. */
  async logout(): Promise<void> {
    if (this.api.getToken() || this.way === 'cloud') await this.api.call('auth', 'logout')
    runInAction(() => {
      this.forget()
      this.signInFailed = null
    })
  }
}
