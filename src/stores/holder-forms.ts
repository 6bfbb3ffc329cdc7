import { BookingFormStore } from './booking-form.store'
import { useStores } from './context'
import { HomeVisitFormStore } from './home-visit-form.store'
import { ProblemFormStore } from './problem-form.store'
import { RatingFormStore } from './rating-form.store'
import { ratingsOf } from './ratings.store'
import type { RootStore } from './root.store'

/**
 * The holder's forms (booking, home visit, problem, rating), made the first time a holder page needs them. Only
 * subpackage pages import this file, so the forms' code stays out of the mini program's main package (issue 13's
 * budget); they live as long as the root store, so a draft in progress survives leaving the page.
 */
export class HolderForms {
  readonly bookingForm: BookingFormStore
  readonly homeVisitForm: HomeVisitFormStore
  readonly problemForm: ProblemFormStore
  readonly ratingForm: RatingFormStore

  constructor(root: RootStore) {
    this.bookingForm = new BookingFormStore(root.api, (booking) => {
      root.sessions.adjustBooked(booking.slotId, +1)
      root.bookings.add(booking)
    })
    this.homeVisitForm = new HomeVisitFormStore(root.api, (visit) => root.bookings.addHomeVisit(visit))
    this.problemForm = new ProblemFormStore(root.api, root.uploader)
    this.ratingForm = new RatingFormStore(root.api, () => ratingsOf(root).load())
  }

  reset(): void {
    this.bookingForm.reset()
    this.homeVisitForm.reset()
    this.problemForm.reset()
    this.ratingForm.reset()
  }
}

export function holderForms(root: RootStore): HolderForms {
  return root.extension('holderForms', () => new HolderForms(root))
}

export function useHolderForms(): HolderForms {
  return holderForms(useStores())
}
