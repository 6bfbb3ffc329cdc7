/**
 * The transport contract as types: for every area and action, what a client sends and what it gets back. Built from
 * the schemas the backend validates with (the input, before trimming and transforms: z.input) and the `*Responses`
 * shapes of the core, so a renamed field fails the type check of the store that sends or reads it.
 *
 * Type-only: nothing here exists at run time, so the mini program gets the types without loading zod. The areas and
 * their actions are those of cloud/functions/index.ts AREAS (test/arch/api-contract.test.ts keeps the two equal).
 */
import type { z } from 'zod'
import type { AuthResponses, authSchemas } from '../auth/auth.schema'
import type { BookingResponses, bookingSchemas } from '../booking/booking.schema'
import type { CardResponses, cardSchemas } from '../card/card.schema'
import type { CommissionerResponses, commissionerSchemas } from '../commissioner/commissioner.schema'
import type { ForumResponses, forumSchemas } from '../forum/forum.schema'
import type { JobResponses, jobSchemas } from '../jobs/jobs.schema'
import type { NotificationResponses, notificationSchemas } from '../notification/notification.schema'
import type { OrgResponses, orgSchemas } from '../org/org.schema'
import type { PolicyResponses, policySchemas } from '../policy/policy.schema'
import type { ProblemResponses, problemSchemas } from '../problem/problem.schema'
import type { RatingResponses, ratingSchemas } from '../rating/rating.schema'
import type { ReportResponses, reportSchemas } from '../report/report.schema'
import type { StationResponses, stationSchemas } from '../station/station.schema'
import type { SurveyResponses, surveySchemas } from '../survey/survey.schema'
import type { SyncResponses, syncSchemas } from '../sync/sync.schema'

/** One area: each action of its schema table with the matching response (a missing response fails here). */
type AreaContract<S extends Record<string, z.ZodType>, R extends { [A in keyof S]: unknown }> = {
  [A in keyof S & string]: { input: z.input<S[A]>; output: R[A] }
}

export interface ApiContract {
  auth: AreaContract<typeof authSchemas, AuthResponses>
  cards: AreaContract<typeof cardSchemas, CardResponses>
  stations: AreaContract<typeof stationSchemas, StationResponses>
  bookings: AreaContract<typeof bookingSchemas, BookingResponses>
  problems: AreaContract<typeof problemSchemas, ProblemResponses>
  ratings: AreaContract<typeof ratingSchemas, RatingResponses>
  reports: AreaContract<typeof reportSchemas, ReportResponses>
  commissioners: AreaContract<typeof commissionerSchemas, CommissionerResponses>
  notifications: AreaContract<typeof notificationSchemas, NotificationResponses>
  jobs: AreaContract<typeof jobSchemas, JobResponses>
  org: AreaContract<typeof orgSchemas, OrgResponses>
  sync: AreaContract<typeof syncSchemas, SyncResponses>
  policies: AreaContract<typeof policySchemas, PolicyResponses>
  surveys: AreaContract<typeof surveySchemas, SurveyResponses>
  forums: AreaContract<typeof forumSchemas, ForumResponses>
}

export type ApiArea = keyof ApiContract
export type ApiAction<A extends ApiArea> = keyof ApiContract[A] & string
/** What a client sends to `area.action` (besides `action` itself). */
export type ApiInput<A extends ApiArea, K extends ApiAction<A>> = ApiContract[A][K] extends { input: infer I } ? I : never
/** The `data` of a successful answer of `area.action`. */
export type ApiOutput<A extends ApiArea, K extends ApiAction<A>> = ApiContract[A][K] extends { output: infer O } ? O : never
/** The payload argument: optional where the action takes nothing or only optional fields. */
export type ApiPayloadArgs<A extends ApiArea, K extends ApiAction<A>> = Record<never, never> extends ApiInput<A, K>
  ? [payload?: ApiInput<A, K>]
  : [payload: ApiInput<A, K>]
