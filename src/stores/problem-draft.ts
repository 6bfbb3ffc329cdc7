import { makeAutoObservable, observable, reaction, runInAction } from 'mobx'
import { draftKey, is } from '@/core/draft/draft'
import { PROBLEM_CATEGORIES, type ProblemCategory } from '@/core/problem/problem.labels'
import type { PhotoKeeper } from '@/utils/kept-photo'
import type { DraftBinding } from './form-draft'
import type { ProblemFormStore } from './problem-form.store'

/**
 * Photos kept in storage as data URLs (H5) stay under this many characters in all: about 1 MB, a few compressed phone
 * photos, well inside the 5 MB a browser gives a site. Past it the draft keeps its text and asks for the photos again.
 */
export const KEPT_PHOTOS_BUDGET = 1_000_000

export interface ProblemDraftFields {
  category: ProblemCategory | null
  title: string
  description: string
  bookingId: string | null
  /** Each photo by its stored key (once uploaded) and its copy on the phone (to show it, and to upload it if not yet). */
  photos: Array<{ key: string | null; kept: string | null }>
  /** Photos of the draft that could not be kept on this phone: the page asks to add them again. */
  lost: number
}

function isFields(value: unknown): value is ProblemDraftFields {
  return (
    is.object(value) &&
    (value.category === null || PROBLEM_CATEGORIES.includes(value.category as ProblemCategory)) &&
    is.string(value.title) &&
    is.string(value.description) &&
    is.stringOrNull(value.bookingId) &&
    typeof value.lost === 'number' &&
    Array.isArray(value.photos) &&
    value.photos.every((photo: unknown) => is.object(photo) && is.stringOrNull(photo.key) && is.stringOrNull(photo.kept))
  )
}

/**
 * The problem form's draft (the holder's own, or a commissioner's for one holder). Photos are copied to the phone as
 * they are picked (photoKeeper); when their copies would not fit in storage, the draft keeps the uploaded ones by key
 * only and counts the others as lost, and the page says to add them again.
 */
export class ProblemDraftBinding implements DraftBinding<ProblemDraftFields> {
  readonly key: string
  /** Photos of a restored draft that were not kept: shown until the person adds a photo or sends the problem. */
  lost = 0
  /** Photo id → its copy on the phone; null when copying failed. */
  private readonly kept = observable.map<number, string | null>()

  constructor(
    private readonly form: ProblemFormStore,
    private readonly keeper: PhotoKeeper,
    userId: string,
  ) {
    this.key = draftKey('problem', userId, form.forHolder?.holderId)
    makeAutoObservable<ProblemDraftBinding, 'form' | 'keeper' | 'kept'>(this, { form: false, keeper: false, kept: false, key: false, isFields: false })
  }

  readonly isFields = isFields

  fields(): ProblemDraftFields | null {
    const form = this.form
    if (form.submitted) return null
    const copies = form.photos.map((photo) => this.kept.get(photo.id) ?? null)
    const fits = copies.reduce((size, copy) => size + (copy?.length ?? 0), 0) <= KEPT_PHOTOS_BUDGET
    const photos = form.photos.map((photo, i) => ({ key: photo.key, kept: fits ? copies[i] : null }))
    const lost = this.lost + photos.filter((photo) => !photo.key && !photo.kept).length
    const empty = !form.category && !form.title.trim() && !form.description.trim() && photos.length === 0
    if (empty && lost === 0) return null
    return { category: form.category, title: form.title, description: form.description, bookingId: form.bookingId, photos: photos.filter((p) => p.key || p.kept), lost }
  }

  /** A booking the page was opened for wins over the draft's, unless the draft waits to be sent as it was. */
  restore(fields: ProblemDraftFields, queued: boolean): void {
    const form = this.form
    if (fields.category) form.setCategory(fields.category)
    form.setTitle(fields.title)
    form.setDescription(fields.description)
    if (queued || !form.bookingId) form.setBooking(fields.bookingId)
    const ids = form.restorePhotos(fields.photos.map(({ key, kept }) => ({ key, preview: kept, source: kept ? this.keeper.source(kept) : null })))
    ids.forEach((id, i) => this.kept.set(id, fields.photos[i].kept))
    this.lost = fields.lost
  }

  sent() {
    return this.form.submitted
  }

  /**
   * Copies each picked photo to the phone once its upload is over (WeChat's saveFile moves the temp file, so the photo
   * then shows and uploads from the copy), and frees the copy of a removed photo.
   */
  watch(): () => void {
    const copying = reaction(
      () => this.form.photos.filter((photo) => !photo.uploading && !this.kept.has(photo.id)).map((photo) => photo.id),
      (ids) => {
        if (ids.length) this.lost = 0
        for (const id of ids) void this.copy(id)
      },
      { fireImmediately: true },
    )
    const freeing = reaction(
      () => this.form.photos.map((photo) => photo.id),
      (ids) => {
        for (const id of [...this.kept.keys()]) if (!ids.includes(id)) this.drop(id)
      },
    )
    return () => {
      copying()
      freeing()
    }
  }

  release(fields: ProblemDraftFields): void {
    for (const photo of fields.photos) if (photo.kept) this.keeper.release(photo.kept)
  }

  private async copy(id: number): Promise<void> {
    const source = this.form.photos.find((photo) => photo.id === id)?.source
    this.kept.set(id, null)
    const copy = source ? await this.keeper.keep(source) : null
    runInAction(() => {
      const photo = this.form.photos.find((p) => p.id === id)
      if (!photo) {
        if (copy) this.keeper.release(copy)
        return
      }
      this.kept.set(id, copy)
      if (copy) {
        photo.source = this.keeper.source(copy)
        photo.preview = copy
      }
    })
  }

  private drop(id: number): void {
    const copy = this.kept.get(id)
    this.kept.delete(id)
    if (copy) this.keeper.release(copy)
  }
}
