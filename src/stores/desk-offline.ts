import Taro from '@tarojs/taro'
import type { ApiClient } from '@/api/client'
import type { PhotoSource, Uploader } from '@/api/upload'
import type { OfflineKit } from '@/core/station/station.schema'
import { nextBatch, prune, queueAction, settle, type QueuedAction } from '@/core/sync/sync.queue'
import type { SyncKind } from '@/core/sync/sync.schema'
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
      const res = await this.uploader.upload(photoSource(photo))
      if (!res.ok && res.error.code === 'NETWORK_UNAVAILABLE') return 'offline'
      if (res.ok) keys.push(res.data.key)
      else refused.push(res.error.message)
    }
    // A photo the backend refuses (too big, not an image) must not hold the problem back: it goes without it.
    const updated = this.queue().map((a) =>
      a.id === action.id ? { ...a, photos: undefined, payload: { ...a.payload, photos: keys }, ...(refused.length ? { message: `照片未能上传：${refused.join('；')}` } : {}) } : a,
    )
    return this.saveQueue(updated) ? 'done' : 'failed'
  }
}

/** A kept photo as the uploader takes it: a saved file in the mini program, a data URL in H5. */
function photoSource(photo: string): PhotoSource {
  if (!photo.startsWith('data:')) return { path: photo }
  // Decoded by hand: the page's CSP (connect-src 'self') does not let fetch read a data: URL.
  const [head, body] = photo.split(',')
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0))
  return { file: new Blob([bytes], { type: head.slice(5).split(';')[0] }), name: 'photo.jpg' }
}

/**
 * Keeps a picked photo on the device until it can be uploaded: the mini program saves the temporary file; H5 (a picked
 * File) keeps a JPEG at most 1280 px on its longer side as a data URL (a browser forgets picked files on reload).
 */
export async function keepPhoto(source: PhotoSource): Promise<string | null> {
  try {
    if ('path' in source) {
      const saved = await Taro.saveFile({ tempFilePath: source.path })
      return (saved as { savedFilePath: string }).savedFilePath
    }
    return await downscaled(source.file)
  } catch {
    return null
  }
}

async function downscaled(blob: Blob): Promise<string> {
  const bitmap = await createImageBitmap(blob)
  const scale = Math.min(1, 1280 / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(bitmap.width * scale)
  canvas.height = Math.round(bitmap.height * scale)
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  return canvas.toDataURL('image/jpeg', 0.8)
}
