import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { PhotoSource, Uploader } from '@/api/upload'
import type { ProblemCategory } from '@/core/problem/problem.categories'
import { MAX_PHOTOS, PROBLEM_LIMITS } from '@/core/problem/problem.limits'
import type { ProblemResponses } from '@/core/problem/problem.schema'
import type { ShownError } from '@/utils/errors'
import { IdempotencyKeeper } from '@/utils/idempotency'

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
}

/** Who the problem is for when someone else records it (staff at the desk, a commissioner). */
export interface ProblemFor {
  holderId: string
  holderName: string
}

/**
 * The problem submission form (holder for themself, staff or a commissioner for a holder). Photos are uploaded as soon
 * as they are picked, through the uploader; the submission sends their keys. The idempotency key survives a retry.
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

  /** Uploads the picked photos (at most the places left), one after the other, and keeps the keys. */
  async addPhotos(sources: Array<{ source: PhotoSource; preview: string | null }>): Promise<void> {
    delete this.errors.photos
    const accepted = sources.slice(0, this.photosLeft)
    if (accepted.length < sources.length) this.errors.photos = `最多上传${MAX_PHOTOS}张图片`
    const items = accepted.map(({ source, preview }) => {
      const item: PhotoItem = { id: this.nextPhotoId++, preview, key: null, url: null, uploading: true, error: null }
      return { item, source }
    })
    this.photos.push(...items.map(({ item }) => item))
    for (const { item, source } of items) {
      const res = await this.uploader.upload(source)
      runInAction(() => {
        const photo = this.photos.find((p) => p.id === item.id)
        if (!photo) return // removed while uploading
        photo.uploading = false
        if (res.ok) {
          photo.key = res.data.key
          photo.url = res.data.url
        }
        else photo.error = { code: res.error.code, message: res.error.message }
      })
    }
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
    else if (this.photos.some((photo) => !photo.key)) errors.photos = '有图片上传失败，请删除后重新添加'
    else if (this.photos.length > MAX_PHOTOS) errors.photos = `最多上传${MAX_PHOTOS}张图片`
    this.errors = errors
    if (Object.keys(errors).length || !this.category) return null
    return { category: this.category, title, description, photos: this.photos.map((photo) => photo.key!) }
  }

  async submit(): Promise<boolean> {
    this.error = null
    const input = this.validate()
    if (!input) return false
    const payload = {
      category: input.category,
      title: input.title,
      description: input.description,
      ...(input.photos.length ? { photos: input.photos } : {}),
      ...(this.forHolder ? { holderId: this.forHolder.holderId } : {}),
      ...(this.bookingId ? { bookingId: this.bookingId } : {}),
    }
    const idempotencyKey = this.keys.keyFor(payload)
    this.submitting = true
    const res = await this.api.call('problems', 'submit', { ...payload, idempotencyKey })
    runInAction(() => {
      this.submitting = false
      if (res.ok) {
        this.keys.done()
        this.submitted = res.data
      } else {
        this.error = { code: res.error.code, message: res.error.message }
      }
    })
    return res.ok
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
    this.keys.done()
  }
}
