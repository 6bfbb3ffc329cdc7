import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { CardResponses } from '@/core/card/card.schema'
import { useStores } from './context'

export interface VerifyRefusal {
  code: string
  message: string
}

/** Staff verification of a scanned card QR text: one result or one refusal at a time. */
export class VerifyStore {
  input = ''
  submitting = false
  result: CardResponses['verify'] | null = null
  refusal: VerifyRefusal | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<VerifyStore, 'api'>(this, { api: false })
  }

  setInput(value: string): void {
    this.input = value
  }

  async verify(qr: string = this.input): Promise<void> {
    const text = qr.trim()
    this.result = null
    this.refusal = null
    if (!text) {
      this.refusal = { code: 'VALIDATION_FAILED', message: '请先扫码或粘贴服务卡二维码内容' }
      return
    }
    this.submitting = true
    const res = await this.api.call('cards', 'verify', { qr: text })
    runInAction(() => {
      this.submitting = false
      if (res.ok) this.result = res.data
      else this.refusal = { code: res.error.code, message: res.error.message }
    })
  }

  reset(): void {
    this.input = ''
    this.result = null
    this.refusal = null
  }
}

/** Made on the first visit of its page (a subpackage page), so its code stays out of the main package. */
export function useVerifyStore(): VerifyStore {
  const root = useStores()
  return root.extension('verify', () => new VerifyStore(root.api))
}
