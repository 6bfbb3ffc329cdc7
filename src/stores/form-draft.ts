import Taro from '@tarojs/taro'
import { reaction } from 'mobx'
import { DRAFT_VERSION, readDraft, type SavedDraft } from '@/core/draft/draft'
import type { PendingKey } from '@/utils/idempotency'
import { onNetworkBack } from '@/utils/network-back'

const SAVE_DELAY_MS = 300

/** A form store whose draft is kept: its 待发送 state, the key of the submission in flight, and its submit. */
export interface DraftedForm {
  readonly queued: boolean
  readonly submitting: boolean
  readonly pendingKey: PendingKey | null
  resume(pending: PendingKey | null, queued: boolean): void
  submit(): Promise<boolean>
}

/** What one form keeps and how it comes back. */
export interface DraftBinding<F> {
  readonly key: string
  isFields(value: unknown): value is F
  /** The fields to keep (observed: a change saves the draft), or null when there is nothing worth keeping. */
  fields(): F | null
  restore(fields: F, queued: boolean): void
  /** The submission went through (observed): the draft is done. */
  sent(): boolean
  /** Work of its own while the draft is kept (copying photos); returns how to stop it. */
  watch?(): () => void
  /** The draft is done: free what it held outside storage. */
  release?(fields: F): void
}

/** The phone's storage: reads never throw (anything unreadable is no draft), writes report whether they held. */
export interface DraftStorage {
  read(key: string): unknown
  write(key: string, value: unknown): boolean
  remove(key: string): void
}

export const phoneStorage: DraftStorage = {
  read(key) {
    try {
      return Taro.getStorageSync(key)
    } catch {
      return null
    }
  },
  write(key, value) {
    try {
      Taro.setStorageSync(key, value)
      return true
    } catch {
      return false
    }
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // A storage that cannot remove held nothing readable either.
    }
  },
}

/**
 * Keeps a form's draft across restarts: brings it back, saves it on every change, sends a 待发送 submission again when
 * the network returns (and when the page opens, in case it returned meanwhile), and clears it once the submission went
 * through. Created by the page for the signed-in user; `stop` when the page goes.
 */
export class FormDraft<F> {
  private readonly stops: Array<() => void> = []
  /** The draft last written, whose held photos are freed once the submission went through. */
  private last: SavedDraft<F> | null = null

  constructor(
    private readonly form: DraftedForm,
    private readonly binding: DraftBinding<F>,
    private readonly storage: DraftStorage = phoneStorage,
    private readonly networkBack: (callback: () => void) => () => void = onNetworkBack,
  ) {}

  start(): void {
    const saved = readDraft(this.storage.read(this.binding.key), (value): value is F => this.binding.isFields(value))
    if (saved) {
      this.binding.restore(saved.fields, saved.queued)
      this.form.resume(saved.sent, saved.queued)
      this.last = saved
    }
    this.stops.push(
      // At most one write per typing pause: a draft with photos is up to a megabyte of storage.
      reaction(() => this.snapshot(), (draft) => this.save(draft), { delay: SAVE_DELAY_MS }),
      reaction(
        () => this.binding.sent(),
        (sent) => {
          if (!sent) return
          this.storage.remove(this.binding.key)
          if (this.last) this.binding.release?.(this.last.fields)
        },
      ),
      this.networkBack(() => void this.retry()),
    )
    if (this.binding.watch) this.stops.push(this.binding.watch())
    void this.retry()
  }

  /** 重试, and what the network's return does: only a 待发送 submission, never a second one at once. */
  async retry(): Promise<void> {
    if (this.form.queued && !this.form.submitting) await this.form.submit()
  }

  /** The page goes: the last change is written at once, not after the pause. */
  stop(): void {
    for (const stop of this.stops.splice(0)) stop()
    this.save(this.snapshot())
  }

  private snapshot(): SavedDraft<F> | null {
    if (this.binding.sent()) return null
    // Observed so that each try's end saves again: the idempotency key it may have set lives outside MobX.
    if (this.form.submitting) return this.last
    const fields = this.binding.fields()
    if (!fields) return null
    return { v: DRAFT_VERSION, fields, sent: this.form.pendingKey, queued: this.form.queued }
  }

  private save(draft: SavedDraft<F> | null): void {
    if (draft) {
      this.storage.write(this.binding.key, draft)
      this.last = draft
    } else this.storage.remove(this.binding.key)
  }
}
