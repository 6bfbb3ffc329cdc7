import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { CardResponses } from '@/core/card/card.schema'
import type { ShownError } from '@/utils/errors'

/** A new holder binds an issued card to their account with the one-time activation code. */
export class ActivationStore {
  code = ''
  submitting = false
  error: ShownError | null = null
  activated: CardResponses['activate'] | null = null

  constructor(
    private readonly api: ApiClient,
    private readonly afterActivate: () => Promise<void>,
  ) {
    makeAutoObservable<ActivationStore, 'api' | 'afterActivate'>(this, { api: false, afterActivate: false })
  }

  setCode(value: string): void {
    this.code = value
  }

  async activate(): Promise<boolean> {
    const activationCode = this.code.trim()
    this.error = null
    this.activated = null
    if (!activationCode) {
      this.error = { code: 'VALIDATION_FAILED', message: '请输入激活码' }
      return false
    }
    this.submitting = true
    const res = await this.api.call('cards', 'activate', { activationCode })
    if (res.ok) await this.afterActivate()
    runInAction(() => {
      this.submitting = false
      if (res.ok) {
        this.activated = res.data
        this.code = ''
      } else {
        this.error = res.error
      }
    })
    return res.ok
  }

  reset(): void {
    this.code = ''
    this.error = null
    this.activated = null
  }
}
