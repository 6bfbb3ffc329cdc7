import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { AuthResponses } from '@/core/auth/auth.schema'
import type { Role, UserView } from '@/core/auth/roles'

export type DemoUser = AuthResponses['demoUsers']['items'][number]

/** Who is signed in: token (kept by the api client), the user, and the dev-login demo users when the host offers them. */
export class SessionStore {
  user: UserView | null = null
  /** null: the host does not offer dev login (hide the switcher). */
  demoUsers: DemoUser[] | null = null
  loading = false
  error: string | null = null
  ready = false

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<SessionStore, 'api'>(this, { api: false })
  }

  get signedIn(): boolean {
    return this.user !== null
  }

  hasRole(role: Role): boolean {
    return this.user?.roles.includes(role) ?? false
  }

  /** On start: restore the session from the stored token (or the WeChat context) and look for demo users. */
  async init(): Promise<void> {
    await Promise.all([this.refreshMe(), this.loadDemoUsers()])
    runInAction(() => {
      this.ready = true
    })
  }

  async loadDemoUsers(): Promise<void> {
    const res = await this.api.call<AuthResponses['demoUsers']>('auth', 'demoUsers')
    runInAction(() => {
      this.demoUsers = res.ok ? res.data.items : null
    })
  }

  async refreshMe(): Promise<void> {
    const res = await this.api.call<AuthResponses['me']>('auth', 'me')
    runInAction(() => {
      if (res.ok) {
        this.user = res.data.user
      } else if (res.error.code === 'UNAUTHENTICATED') {
        this.user = null
        this.api.setToken(null)
      }
    })
  }

  async devLogin(userKey: string): Promise<boolean> {
    this.loading = true
    this.error = null
    const res = await this.api.call<AuthResponses['devLogin']>('auth', 'devLogin', { userKey })
    runInAction(() => {
      this.loading = false
      if (res.ok) {
        this.api.setToken(res.data.token)
        this.user = res.data.user
      } else {
        this.error = res.error.message
      }
    })
    return res.ok
  }

  logout(): void {
    this.api.setToken(null)
    this.user = null
  }
}
