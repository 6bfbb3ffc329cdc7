import { reaction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { createUploader } from '@/api'
import type { Uploader } from '@/api/upload'
import { ActivationStore } from './activation.store'
import { AdminStore } from './admin.store'
import { BookingFormStore } from './booking-form.store'
import { BookingsStore } from './bookings.store'
import { CardStore } from './card.store'
import { DistrictStore } from './district.store'
import { HomeVisitFormStore } from './home-visit-form.store'
import { InboxStore } from './inbox.store'
import { OrgOverviewStore } from './org-overview.store'
import { ProblemFormStore } from './problem-form.store'
import { ProblemsStore } from './problems.store'
import { RatingFormStore } from './rating-form.store'
import { RatingsStore } from './ratings.store'
import { SessionStore } from './session.store'
import { SessionsStore } from './sessions.store'
import { VerifyStore } from './verify.store'

/** All stores of the app, built around one api client (a fake one in tests). */
export class RootStore {
  readonly session: SessionStore
  readonly card: CardStore
  readonly verify: VerifyStore
  readonly admin: AdminStore
  readonly activation: ActivationStore
  /** Holders: upcoming sessions, the booking form, 我的预约 and the home-visit request form. */
  readonly sessions: SessionsStore
  readonly bookingForm: BookingFormStore
  readonly bookings: BookingsStore
  readonly homeVisitForm: HomeVisitFormStore
  /** 我的诉求 and the submission form (pages create their own for staff and commissioners). */
  readonly problems: ProblemsStore
  readonly problemForm: ProblemFormStore
  /** 服务评价: 待评价 and 我的评价, and the rating card (first rating or 追评). */
  readonly ratings: RatingsStore
  readonly ratingForm: RatingFormStore
  /** 消息中心 and the unread badge of the home page. */
  readonly inbox: InboxStore
  /** The district's name (home page title) and the administrators' and leaders' checklist and calendar warnings. */
  readonly district: DistrictStore
  readonly orgOverview: OrgOverviewStore
  private readonly disposeUserReaction: () => void

  constructor(
    readonly api: ApiClient,
    /** Stores problem photos (a fake one in tests). */
    readonly uploader: Uploader = createUploader(api),
  ) {
    this.session = new SessionStore(api)
    this.card = new CardStore(api, () => this.session.user?.id ?? null)
    this.verify = new VerifyStore(api)
    this.admin = new AdminStore(api)
    this.activation = new ActivationStore(api, async () => {
      await Promise.all([this.session.refreshMe(), this.card.loadMine()])
    })
    this.sessions = new SessionsStore(api)
    this.bookings = new BookingsStore(api, (freed, taken) => {
      if (freed) this.sessions.adjustBooked(freed, -1)
      if (taken) this.sessions.adjustBooked(taken, +1)
    })
    this.bookingForm = new BookingFormStore(api, (booking) => {
      this.sessions.adjustBooked(booking.slotId, +1)
      this.bookings.add(booking)
    })
    this.homeVisitForm = new HomeVisitFormStore(api, (visit) => this.bookings.addHomeVisit(visit))
    this.problems = new ProblemsStore(api)
    this.problemForm = new ProblemFormStore(api, this.uploader)
    this.ratings = new RatingsStore(api)
    this.ratingForm = new RatingFormStore(api, () => this.ratings.load())
    this.inbox = new InboxStore(api)
    this.district = new DistrictStore(api)
    this.orgOverview = new OrgOverviewStore(api, (district) => this.district.set(district))
    // Another person signed in (or nobody): nothing of the previous user's stays on screen.
    this.disposeUserReaction = reaction(
      () => this.session.user?.id ?? null,
      () => {
        this.card.reset()
        this.verify.reset()
        this.admin.reset()
        this.activation.reset()
        this.sessions.reset()
        this.bookingForm.reset()
        this.bookings.reset()
        this.homeVisitForm.reset()
        this.problems.reset()
        this.problemForm.reset()
        this.inbox.reset()
        this.orgOverview.reset()
        this.ratings.reset()
        this.ratingForm.reset()
      },
    )
  }

  dispose(): void {
    this.disposeUserReaction()
    this.card.stopTokens()
  }
}
