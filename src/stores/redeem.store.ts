import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { OrgResponses } from '@/core/org/org.schema'
import { QR_PREFIX } from '@/core/org/org.labels'
import type { ShownError } from '@/utils/errors'

export type Redeemed = OrgResponses['redeem']['user']

/** What a scanned (or pasted) QR text of this product asks for. */
export type ScannedCode = { kind: 'desktop'; challengeId: string } | { kind: 'invite'; inviteCode: string } | { kind: 'unknown' }

/** Reads a scanned text by its prefix (LDZW-DESKTOP:…, LDZW-INVITE:…) before anything is sent. */
export function readScan(text: string): ScannedCode {
  const value = text.trim()
  const upper = value.toUpperCase()
  if (upper.startsWith(QR_PREFIX.desktop)) {
    const challengeId = value.slice(QR_PREFIX.desktop.length).trim()
    return challengeId ? { kind: 'desktop', challengeId } : { kind: 'unknown' }
  }
  if (upper.startsWith(QR_PREFIX.invite)) {
    const inviteCode = value.slice(QR_PREFIX.invite.length).trim()
    return inviteCode ? { kind: 'invite', inviteCode } : { kind: 'unknown' }
  }
  return { kind: 'unknown' }
}

/** 我的 → 输入邀请码 / a scanned invitation: `org.redeem` gives this account the invited roles. */
export class RedeemStore {
  code = ''
  submitting = false
  error: ShownError | null = null
  redeemed: Redeemed | null = null

  constructor(
    private readonly api: ApiClient,
    /** Reloads the signed-in user so the new roles show everywhere. */
    private readonly afterRedeem: () => Promise<void>,
  ) {
    makeAutoObservable<RedeemStore, 'api' | 'afterRedeem'>(this, { api: false, afterRedeem: false })
  }

  setCode(value: string): void {
    this.code = value
  }

  /** Redeems the typed code, or `inviteCode` when given (a scanned QR). */
  async redeem(inviteCode: string = this.code): Promise<Redeemed | null> {
    const code = inviteCode.trim()
    this.error = null
    this.redeemed = null
    if (!code) {
      this.error = { code: 'VALIDATION_FAILED', message: '请输入邀请码' }
      return null
    }
    this.submitting = true
    const res = await this.api.call('org', 'redeem', { inviteCode: code })
    if (res.ok) await this.afterRedeem()
    runInAction(() => {
      this.submitting = false
      if (res.ok) {
        this.redeemed = res.data.user
        this.code = ''
      } else {
        this.error = res.error
      }
    })
    return res.ok ? res.data.user : null
  }
}
