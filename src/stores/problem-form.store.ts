import { makeAutoObservable, runInAction, when } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { PhotoSource, Uploader } from '@/api/upload'
import type { ProblemCategory } from '@/core/problem/problem.categories'
import { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_TOO_LARGE, PROBLEM_LIMITS } from '@/core/problem/problem.limits'
import type { ProblemResponses } from '@/core/problem/problem.schema'
import type { ShownError } from '@/utils/errors'
import { IdempotencyKeeper, type PendingKey } from '@/utils/idempotency'

/** Limits of problemSchemas.submit, checked by hand with the schema's own numbers: zod stays out of the main package. */
const { title: TITLE, description: DESCRIPTION } = PROBLEM_LIMITS

export type ProblemField = 'category' | 'title' | 'description' | 'photos'

export interface PhotoItem {
  /** Local id for the list (stable across removals). */
  id: number
  /** What the thumbnail shows before (or without) the stored key: the temp path or an object URL. */
  preview: string | null
  key: string | null
  /** Where the stored image can be shown, once uploaded. */
  url: string | null
  uploading: boolean
  error: ShownError | null
  /** What was picked, kept until stored: a photo the network failed to carry is sent again before submitting. */
  source: PhotoSource | null
}

/** A photo brought back from a saved draft: stored already (`key`), or still to be sent from `source`. */
export interface RestoredPhoto {
  preview: string | null
  key: string | null
  source: PhotoSource | null
}

const NETWORK = 'NETWORK_UNAVAILABLE'

/** Not stored yet because the network failed (or it came back from a draft): sent again before submitting. */
const waiting = (photo: PhotoItem) => !photo.key && !photo.uploading && photo.source !== null && (!photo.error || photo.error.code === NETWORK)

/** Who the problem is for when someone else records it (staff at the desk, a commissioner). */
export interface ProblemFor {
  holderId: string
  holderName: string
}

/**
 * The problem submission form (holder for themself, staff or a commissioner for a holder). Photos are uploaded as soon
 * as they are picked, through the uploader; the submission sends their keys. The idempotency key survives a retry,
 * and a restart through `pendingKey`/`resume` (the holder's draft keeps it).
 */
export class ProblemFormStore {
  category: ProblemCategory | null = null
  title = ''
  description = ''
  photos: PhotoItem[] = []
  bookingId: string | null = null
  forHolder: ProblemFor | null = null
  errors: Partial<Record<ProblemField, string>> = {}
  submitting = false
  error: ShownError | null = null
  submitted: ProblemResponses['submit'] | null = null
  /**
   * 待发送: the last try did not reach the backend (or may have reached it unanswered). The content is kept as it was,
   * so the retry sends the same idempotency key and the backend answers the first copy instead of making a second.
   */
  queued = false

  private nextPhotoId = 1
  private readonly keys = new IdempotencyKeeper()

  constructor(
    private readonly api: ApiClient,
    private readonly uploader: Uploader,
  ) {
    makeAutoObservable<ProblemFormStore, 'api' | 'uploader' | 'keys' | 'nextPhotoId'>(this, {
      api: false,
      uploader: false,
      keys: false,
      nextPhotoId: false,
      // Read fresh each time: the key lives outside MobX, so a cached computed would keep the first one it saw.
      pendingKey: false,
    })
  }

  /** A fresh form; `forHolder` when recording for someone else, `bookingId` to pre-link a booking. */
  start(options: { forHolder?: ProblemFor | null; bookingId?: string | null } = {}): void {
    this.reset()
    this.forHolder = options.forHolder ?? null
    this.bookingId = options.bookingId ?? null
  }

  setCategory(category: ProblemCategory): void {
    this.category = category
    delete this.errors.category
  }

  setTitle(value: string): void {
    this.title = value
    delete this.errors.title
  }

  setDescription(value: string): void {
    this.description = value
    delete this.errors.description
  }

  setBooking(bookingId: string | null): void {
    this.bookingId = bookingId
  }

  get photosLeft(): number {
    return Math.max(0, MAX_PHOTOS - this.photos.length)
  }

  get uploading(): boolean {
    return this.photos.some((photo) => photo.uploading)
  }

  photoUrl(photo: PhotoItem): string | null {
    return photo.url ?? photo.preview
  }

  /** Kept on the phone and sent with the submission (shown as 待上传, not as a failure). */
  photoWaiting(photo: PhotoItem): boolean {
    return waiting(photo)
  }

  /** Uploads the picked photos (at most the places left), one after the other, and keeps the keys. */
  async addPhotos(sources: Array<{ source: PhotoSource; preview: string | null }>): Promise<void> {
    delete this.errors.photos
    const accepted = sources.slice(0, this.photosLeft)
    if (accepted.length < sources.length) this.errors.photos = `最多上传${MAX_PHOTOS}张图片`
    const ids = this.place(accepted.map(({ source, preview }) => ({ preview, key: null, source })), true)
    for (const id of ids) await this.upload(id)
  }

  /** Photos of a saved draft, placed as they were (their ids, in order): those without a key go with the submission. */
  restorePhotos(photos: RestoredPhoto[]): number[] {
    return this.place(photos.slice(0, this.photosLeft), false)
  }

  private place(photos: RestoredPhoto[], uploading: boolean): number[] {
    const items = photos.map((photo): PhotoItem => ({ id: this.nextPhotoId++, url: null, error: null, ...photo, uploading: uploading && !photo.key }))
    this.photos.push(...items)
    return items.map((item) => item.id)
  }

  /** Sends a photo that failed again, where it is (the reason stays shown until it goes through). */
  async retryPhoto(id: number): Promise<void> {
    delete this.errors.photos
    await this.upload(id)
  }

  private async upload(id: number): Promise<void> {
    const picked = this.photos.find((p) => p.id === id)
    if (!picked?.source) return
    picked.uploading = true
    // A file the phone could not make smaller is refused here rather than sent (the host would refuse it after).
    const res =
      'file' in picked.source && picked.source.file.size > MAX_PHOTO_BYTES
        ? ({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: PHOTO_TOO_LARGE } } as const)
        : await this.uploader.upload(picked.source)
    runInAction(() => {
      const photo = this.photos.find((p) => p.id === id)
      if (!photo) return // removed while uploading
      photo.uploading = false
      photo.error = res.ok ? null : { code: res.error.code, message: res.error.message }
      if (res.ok) {
        photo.key = res.data.key
        photo.url = res.data.url
      }
    })
  }

  get pendingKey(): PendingKey | null {
    return this.keys.pending
  }

  resume(pending: PendingKey | null, queued: boolean): void {
    if (pending) this.keys.resume(pending)
    this.queued = queued
  }

  removePhoto(id: number): void {
    this.photos = this.photos.filter((photo) => photo.id !== id)
    delete this.errors.photos
  }

  validate(): { category: ProblemCategory; title: string; description: string; photos: string[] } | null {
    const title = this.title.trim()
    const description = this.description.trim()
    const errors: Partial<Record<ProblemField, string>> = {}
    if (!this.category) errors.category = '请选择诉求类别'
    if (!title) errors.title = '请填写诉求标题'
    else if (title.length < TITLE.min) errors.title = `标题至少${TITLE.min}个字`
    else if (title.length > TITLE.max) errors.title = `标题最多${TITLE.max}个字`
    if (!description) errors.description = '请描述遇到的问题'
    else if (description.length < DESCRIPTION.min) errors.description = `问题描述至少${DESCRIPTION.min}个字`
    else if (description.length > DESCRIPTION.max) errors.description = `问题描述最多${DESCRIPTION.max}个字`
    if (this.uploading) errors.photos = '图片正在上传，请稍候'
    else if (this.photos.some((photo) => !photo.key && !waiting(photo))) errors.photos = '有图片没有上传成功，请重试或删除'
    else if (this.photos.length > MAX_PHOTOS) errors.photos = `最多上传${MAX_PHOTOS}张图片`
    this.errors = errors
    if (Object.keys(errors).length || !this.category) return null
    return { category: this.category, title, description, photos: this.photos.map((photo) => photo.key!) }
  }

  async submit(): Promise<boolean> {
    if (this.submitting) return false
    this.error = null
    this.submitting = true
    // 提交 tapped while a photo is still going up (a slow network): sent once it is up, not "tap again later".
    await when(() => !this.uploading)
    if (!this.validate()) {
      runInAction(() => (this.submitting = false))
      return false
    }
    // Photos picked offline (or kept with a draft) are stored first: the submission names them by their keys.
    for (const photo of this.photos.filter(waiting)) await this.upload(photo.id)
    const stranded = this.photos.find((photo) => photo.error?.code === NETWORK)
    const input = stranded ? null : this.validate()
    if (!input) {
      runInAction(() => {
        this.submitting = false
        if (stranded) this.queue(stranded.error!)
      })
      return false
    }
    const payload = {
      category: input.category,
      title: input.title,
      description: input.description,
      ...(input.photos.length ? { photos: input.photos } : {}),
      ...(this.forHolder ? { holderId: this.forHolder.holderId } : {}),
      ...(this.bookingId ? { bookingId: this.bookingId } : {}),
    }
    const idempotencyKey = this.keys.keyFor(payload)
    const res = await this.api.call('problems', 'submit', { ...payload, idempotencyKey })
    runInAction(() => {
      this.submitting = false
      this.queued = false
      if (res.ok) {
        this.keys.done()
        this.submitted = res.data
      } else if (res.error.code === NETWORK) this.queue(res.error)
      else this.error = { code: res.error.code, message: res.error.message }
    })
    return res.ok
  }

  private queue(error: ShownError): void {
    this.queued = true
    this.error = { code: error.code, message: error.message }
  }

  reset(): void {
    this.category = null
    this.title = ''
    this.description = ''
    this.photos = []
    this.bookingId = null
    this.forHolder = null
    this.errors = {}
    this.error = null
    this.submitted = null
    this.submitting = false
    this.queued = false
    this.keys.done()
  }
}
