import type { ActionTable } from './action'
import { authActions } from './auth/auth.actions'
import { bookingsArea } from './bookings/bookings.area'
import { cardActions } from './cards/cards.actions'
import { commissionerActions } from './commissioners/commissioners.actions'
import { forumActions } from './forums/forums.actions'
import { jobActions } from './jobs/jobs.actions'
import { notificationActions } from './notifications/notifications.actions'
import { orgActions } from './org/org.actions'
import { policyActions } from './policies/policies.actions'
import { problemActions } from './problems/problems.actions'
import { ratingActions } from './ratings/ratings.actions'
import { reportActions } from './reports/reports.actions'
import { stationActions } from './stations/stations.actions'
import { surveyActions } from './surveys/surveys.actions'
import { syncActionTable } from './sync/sync.actions'

/** Every backend area and its actions: one cloud function per area in WeChat, `/api/<area>` locally. */
export const AREAS = {
  auth: authActions,
  cards: cardActions,
  stations: stationActions,
  bookings: bookingsArea,
  problems: problemActions,
  ratings: ratingActions,
  reports: reportActions,
  commissioners: commissionerActions,
  notifications: notificationActions,
  jobs: jobActions,
  org: orgActions,
  sync: syncActionTable,
  policies: policyActions,
  surveys: surveyActions,
  forums: forumActions,
} satisfies Record<string, ActionTable>

export type Area = keyof typeof AREAS
