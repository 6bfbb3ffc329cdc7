import type { ApiClient } from '@/api/client'
import type { Uploader } from '@/api/upload'
import type { OfflineKit } from '@/core/station/station.schema'
import { nextBatch, prune, queueAction, settle, type QueuedAction } from '@/core/sync/sync.queue'
import type { SyncKind } from '@/core/sync/sync.schema'
import { photoKeeper } from '@/utils/kept-photo'
import { readLocal, writeLocal } from '@/utils/local-store'
import { newClientId } from '@/utils/client-id'
import { newIdempotencyKey } from '@/utils/idempotency'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isList = (value: unknown): value is unknown[] => Array.isArray(value)
const isText = (value: unknown): value is string => typeof value === 'string'

export type SyncOutcome = 'done' | 'offline' | 'failed'

/**
 * What a station device keeps for working without a network (issue 14), per signed-in person: the sessions' offline
 * kits, the queue of actions taken offline, the codes this device accepted and when it last synced. The device id is
 * the phone's, whoever signs in.
 */
export class DeskOffline {
  constructor(
    private readonly api: ApiClient,
    private readonly uploader: Uploader,
    private readonly userId: () => string | null,
  ) {}

  private key(kind: string): string | null {
    const id = this.userId()
    return id ? `desk-${kind}:${id}` : null
  }

  deviceId(): string {
    const kept = readLocal('desk-device', isText)
    if (kept) return kept
    const id = newIdempotencyKey()
    writeLocal('desk-device', id)
    return id
  }

  kits(): Record<string, OfflineKit> {
    const key = this.key('kits')
    return ((key && readLocal(key, isObject)) ?? {}) as Record<string, OfflineKit>
  }

  kit(sessionId: string): OfflineKit | null {
    return this.kits()[sessionId] ?? null
  }

  /** Downloads (or refreshes) the session's kit; false when it could not be fetched or kept. */
  async downloadKit(sessionId: string, today: string): Promise<{ ok: true; kit: OfflineKit } | { ok: false; code: string; message: string }> {
    const res = await this.api.call('stations', 'offlineKit', { sessionId })
    if (!res.ok) return { ok: false, ...res.error }
    const key = this.key('kits')
    // Kits of past days are of no use any more; keeping them would fill the phone's storage.
    const kept = Object.fromEntries(Object.entries(this.kits()).filter(([, kit]) => kit.session.date >= today))
    if (!key || !writeLocal(key, { ...kept, [sessionId]: res.data })) {
      return { ok: false, code: 'STORAGE_FULL', message: '手机存储空间不足，离线包未能保存' }
    }
    return { ok: true, kit: res.data }
  }

  queue(): QueuedAction[] {
    const key = this.key('queue')
    return ((key && readLocal(key, isList)) ?? []) as QueuedAction[]
  }

  private saveQueue(queue: QueuedAction[]): boolean {
    const key = this.key('queue')
    return key !== null && writeLocal(key, queue)
  }

  /** Keeps an action taken offline; false when the phone could not store it (the caller must say so: nothing is lost silently). */
  enqueue(kind: SyncKind, payload: Record<string, unknown>, at: Date, photos?: string[], id = newClientId(), local?: QueuedAction['local']): string | null {
    const queue = queueAction(this.queue(), { id, kind, at: at.toISOString(), payload, ...(photos?.length ? { photos } : {}), ...(local ? { local } : {}) })
    return this.saveQueue(queue) ? id : null
  }

  seenNonces(now: Date): Set<string> {
    return new Set(this.seenList(now).map((seen) => seen.nonce))
  }

  private seenList(now: Date): Array<{ nonce: string; at: number }> {
    const key = this.key('seen')
    const list = ((key && readLocal(key, isList)) ?? []) as Array<{ nonce: string; at: number }>
    // A code is good for minutes; a day of memory is plenty.
    return list.filter((seen) => seen.at > now.getTime() - 86_400_000)
  }

  remember(nonce: string, now: Date): void {
    const key = this.key('seen')
    if (key) writeLocal(key, [...this.seenList(now), { nonce, at: now.getTime() }])
  }

  lastSyncAt(): string | null {
    const key = this.key('synced-at')
    return key ? readLocal(key, isText) : null
  }

  /**
   * Pushes everything queued, in batches: photos first (their keys go into the problem's payload), then the actions.
   * Stops at the first network failure, keeping what is left for the next try.
   */
  async sync(now: () => Date): Promise<SyncOutcome> {
    for (;;) {
      const batch = nextBatch(this.queue())
      if (batch.length === 0) break
      for (const action of batch.filter((a) => a.photos?.length)) {
        const uploaded = await this.uploadPhotos(action)
        if (uploaded !== 'done') return uploaded
      }
      const ready = nextBatch(this.queue())
      const res = await this.api.call('sync', 'push', {
        deviceId: this.deviceId(),
        actions: ready.map(({ id, kind, at, payload }) => ({ id, kind, at, payload })),
      })
      if (!res.ok) return res.error.code === 'NETWORK_UNAVAILABLE' ? 'offline' : 'failed'
      this.saveQueue(prune(settle(this.queue(), res.data.results), now()))
      const key = this.key('synced-at')
      if (key) writeLocal(key, now().toISOString())
    }
    return 'done'
  }

  private async uploadPhotos(action: QueuedAction): Promise<SyncOutcome> {
    const keys: string[] = Array.isArray(action.payload.photos) ? (action.payload.photos as string[]) : []
    const refused: string[] = []
    for (const photo of action.photos ?? []) {
      const res = await this.uploader.upload(photoKeeper.source(photo))
      if (!res.ok && res.error.code === 'NETWORK_UNAVAILABLE') return 'offline'
      if (res.ok) keys.push(res.data.key)
      else refused.push(res.error.message)
    }
    // A photo the backend refuses (too big, not an image) must not hold the problem back: it goes without it.
    const updated = this.queue().map((a) =>
      a.id === action.id ? { ...a, photos: undefined, payload: { ...a.payload, photos: keys }, ...(refused.length ? { message: `照片未能上传：${refused.join('；')}` } : {}) } : a,
    )
    if (!this.saveQueue(updated)) return 'failed'
    // The phone's copies are no longer needed once the queue names the uploaded keys.
    for (const photo of action.photos ?? []) photoKeeper.release(photo)
    return 'done'
  }
}
