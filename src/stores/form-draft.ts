import { reaction } from 'mobx'
import { DRAFT_VERSION, readDraft, type SavedDraft } from '@/core/draft/draft'
import type { PendingKey } from '@/utils/idempotency'
import { readLocal, removeLocal, writeLocal } from '@/utils/local-store'
import { onNetworkBack } from '@/utils/network'

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
  /** What the last submission that went through made (observed): a new one ends the draft. */
  sent(): object | null
  /** Work of its own while the draft is kept (copying photos); returns how to stop it. */
  watch?(): () => void
  /** The draft is done: free what it held outside storage. */
  release?(fields: F): void
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
  ) {}

  start(): void {
    const isFields = (fields: unknown): fields is F => this.binding.isFields(fields)
    const saved = readLocal(this.binding.key, (value): value is SavedDraft<F> => readDraft(value, isFields) !== null)
    if (saved) {
      this.binding.restore(saved.fields, saved.queued)
      this.form.resume(saved.sent, saved.queued)
      this.last = saved
    }
    this.stops.push(
      // At most one write per typing pause: a draft with photos is up to a megabyte of storage.
      reaction(() => this.snapshot(), (draft) => this.save(draft), { delay: SAVE_DELAY_MS }),
      // A try's outcome (待发送, and the key it sent) is written at once: the phone may be closed right after the tap.
      reaction(
        () => [this.form.queued, this.form.submitting],
        () => this.flush(),
      ),
      reaction(
        () => this.binding.sent(),
        (made) => {
          if (!made) return
          removeLocal(this.binding.key)
          if (this.last) this.binding.release?.(this.last.fields)
        },
      ),
      onNetworkBack(() => void this.retry()),
    )
    if (this.binding.watch) this.stops.push(this.binding.watch())
    void this.retry()
  }

  /** What the network's return and the page's opening do: send a 待发送 submission again, never two at once. */
  async retry(): Promise<void> {
    if (this.form.queued && !this.form.submitting) await this.form.submit()
  }

  /**
   * The page goes: the last change is written at once, not after the pause. Never a removal: the page also goes when
   * its user signs out, and the form is emptied for the next one before this runs.
   */
  stop(): void {
    for (const stop of this.stops.splice(0)) stop()
    this.flush()
  }

  private flush(): void {
    const draft = this.snapshot()
    if (draft) this.save(draft)
  }

  private snapshot(): SavedDraft<F> | null {
    // Observed so that each try's end saves again: the idempotency key it may have set lives outside MobX.
    if (this.form.submitting) return this.last
    const fields = this.binding.fields()
    if (!fields) return null
    return { v: DRAFT_VERSION, fields, sent: this.form.pendingKey, queued: this.form.queued }
  }

  private save(draft: SavedDraft<F> | null): void {
    if (draft) {
      writeLocal(this.binding.key, draft)
      this.last = draft
    } else removeLocal(this.binding.key)
  }
}
