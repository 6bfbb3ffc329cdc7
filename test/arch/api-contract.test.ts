import type { z } from 'zod'
import { AREAS, type Area } from '../../cloud/functions'
import type { ActionDef } from '../../cloud/functions/action'
import { authSchemas } from '../../src/core/auth/auth.schema'
import { bookingSchemas } from '../../src/core/booking/booking.schema'
import { cardSchemas } from '../../src/core/card/card.schema'
import { commissionerSchemas } from '../../src/core/commissioner/commissioner.schema'
import type { ApiArea, ApiContract } from '../../src/core/contract/api.contract'
import { forumSchemas } from '../../src/core/forum/forum.schema'
import { jobSchemas } from '../../src/core/jobs/jobs.schema'
import { notificationSchemas } from '../../src/core/notification/notification.schema'
import { orgSchemas } from '../../src/core/org/org.schema'
import { policySchemas } from '../../src/core/policy/policy.schema'
import { problemSchemas } from '../../src/core/problem/problem.schema'
import { ratingSchemas } from '../../src/core/rating/rating.schema'
import { reportSchemas } from '../../src/core/report/report.schema'
import { stationSchemas } from '../../src/core/station/station.schema'
import { surveySchemas } from '../../src/core/survey/survey.schema'
import { syncSchemas } from '../../src/core/sync/sync.schema'

/**
 * The typed client (src/api/client.ts) believes src/core/contract/api.contract.ts. This keeps the contract true to the
 * backend: the same areas and actions as AREAS, each validated with the very schema the contract takes its input from,
 * and each action's result (what `run` returns besides a failure) fits the `*Responses` shape the client reads.
 */

/** The schema tables the contract is built from, as values (the contract itself is types only). */
const CONTRACT_SCHEMAS: { [A in ApiArea]: Record<keyof ApiContract[A], z.ZodType> } = {
  auth: authSchemas,
  cards: cardSchemas,
  stations: stationSchemas,
  bookings: bookingSchemas,
  problems: problemSchemas,
  ratings: ratingSchemas,
  reports: reportSchemas,
  commissioners: commissionerSchemas,
  notifications: notificationSchemas,
  jobs: jobSchemas,
  org: orgSchemas,
  sync: syncSchemas,
  policies: policySchemas,
  surveys: surveySchemas,
  forums: forumSchemas,
}

// Compile-time half (tsc in npm test): the same areas, and every action's result fits the contract's output (an error
// on checkOutputs names the area and action whose result does not).
type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false
const sameAreas: Same<Area, ApiArea> = true
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema and access: only the result matters here
type Returned<D> = D extends ActionDef<any, any, infer R> ? R : never
type BackendOutputs = { [A in Area]: { [K in keyof (typeof AREAS)[A]]: Returned<(typeof AREAS)[A][K]> } }
type ContractOutputs = { [A in ApiArea]: { [K in keyof ApiContract[A]]: ApiContract[A][K] extends { output: infer O } ? O : never } }
export const checkOutputs = (backend: BackendOutputs): ContractOutputs => backend

describe('the typed API contract (src/core/contract/api.contract.ts)', () => {
  it('has the areas and actions of the backend, each with the schema the backend validates with', () => {
    expect(sameAreas).toBe(true)
    const backend = Object.fromEntries(Object.entries(AREAS).map(([area, actions]) => [area, Object.keys(actions).sort()]))
    const contract = Object.fromEntries(Object.entries(CONTRACT_SCHEMAS).map(([area, schemas]) => [area, Object.keys(schemas).sort()]))
    expect(contract).toEqual(backend)
    const otherSchema = Object.entries(AREAS).flatMap(([area, actions]) =>
      Object.entries(actions)
        .filter(([action, def]) => def.input !== (CONTRACT_SCHEMAS[area as ApiArea] as Record<string, z.ZodType>)[action])
        .map(([action]) => `${area}.${action}`),
    )
    expect(otherSchema).toEqual([])
  })
})
