import { runInAction } from 'mobx'
import { draftKey, is } from '@/core/draft/draft'
import type { DraftBinding } from './form-draft'
import type { HomeVisitFormStore } from './home-visit-form.store'

export interface HomeVisitDraftFields {
  address: string
  topic: string
  problemText: string
  preferredDates: string[]
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

function isFields(value: unknown): value is HomeVisitDraftFields {
  return (
    is.object(value) &&
    is.string(value.address) &&
    is.string(value.topic) &&
    is.string(value.problemText) &&
    is.strings(value.preferredDates) &&
    value.preferredDates.every((date) => DATE.test(date))
  )
}

/** The 申请上门服务 form's draft, per user. */
export class HomeVisitDraftBinding implements DraftBinding<HomeVisitDraftFields> {
  readonly key: string
  readonly isFields = isFields

  constructor(
    private readonly form: HomeVisitFormStore,
    userId: string,
  ) {
    this.key = draftKey('homeVisit', userId)
  }

  fields(): HomeVisitDraftFields | null {
    const { address, topic, problemText, preferredDates } = this.form
    if (!address.trim() && !topic.trim() && !problemText.trim() && preferredDates.length === 0) return null
    return { address, topic, problemText, preferredDates: [...preferredDates] }
  }

  /**
   * A request waiting to be sent comes back exactly as it was sent (a date that has passed meanwhile is the backend's
   * to refuse, or the retry would be a different request); a plain draft drops dates that have passed.
   */
  restore(fields: HomeVisitDraftFields, queued: boolean): void {
    const form = this.form
    form.set('address', fields.address)
    form.set('topic', fields.topic)
    form.set('problemText', fields.problemText)
    if (!queued) for (const date of fields.preferredDates) form.addDate(date)
    runInAction(() => {
      if (queued) form.preferredDates = [...fields.preferredDates]
      form.errors = {}
    })
  }

  /** A success also empties the form, and the page stays open for another request (a new draft). */
  sent() {
    return this.form.requested
  }
}
