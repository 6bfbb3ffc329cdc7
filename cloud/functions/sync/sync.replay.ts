import { and, eq } from 'drizzle-orm'
import { bookingSchemas } from '../../../src/core/booking/booking.schema'
import { problemSchemas } from '../../../src/core/problem/problem.schema'
import { OFFLINE_DRIFT_SECONDS } from '../../../src/core/card/offline-code.format'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import type { SyncFlag, SyncKind } from '../../../src/core/sync/sync.schema'
import { syncActions, visits } from '../../db/schema'
import type { Db, Tx } from '../../db/store'
import { defineAction, mayCall, type AnyAction, type SignedInContext } from '../action'
import { checkIn, DESK_STAFF, markNoShow } from '../bookings/desk'
import { scanAsOf } from '../cards/offline-scan'
import { PROBLEM_SUBMITTERS, submitProblem, transition } from '../problems/problem-changes'
import { validationFailure } from '../router'
import { inTransaction } from '../transaction'

export interface Replayed {
  serverId?: string
  flag?: SyncFlag
}

type Replay = { action: AnyAction; serverId: (data: never) => string }

/**
 * A check-in made offline: the same use case as the desk's, with the scan checked as of the action's time. A flag the
 * scan raises (card revoked meanwhile, proof spent elsewhere) rides along on a check-in that is still recorded.
 */
const offlineCheckIn = defineAction({
  input: bookingSchemas.checkIn,
  access: DESK_STAFF,
  async run({ sessionId, qr }, ctx) {
    let flag: SyncFlag | undefined
    const done = await inTransaction(ctx.db, (tx) =>
      checkIn(tx, ctx, sessionId, async () => {
        const scanned = await scanAsOf(tx, qr, { staffId: ctx.caller.id, at: ctx.now, secrets: ctx.secrets })
        if (!isFailure(scanned)) flag = scanned.flag
        return scanned
      }),
    )
    return isFailure(done) ? done : { ...done, flag }
  },
})

/**
 * Each kind as its online action: the same schema, access and use case (the use cases live outside the action tables,
 * so this area's cloud function carries no other area's table), and what it made.
 */
const REPLAYS: Record<SyncKind, Replay> = {
  'bookings.checkIn': { action: offlineCheckIn, serverId: (data: { visit: { id: string } }) => data.visit.id },
  'bookings.markNoShow': {
    action: defineAction({ input: bookingSchemas.markNoShow, access: DESK_STAFF, run: ({ bookingId }, ctx) => markNoShow(ctx, bookingId) }),
    serverId: (data: { id: string }) => data.id,
  },
  'problems.submit': { action: defineAction({ input: problemSchemas.submit, access: PROBLEM_SUBMITTERS, run: submitProblem }), serverId: (data: { id: string }) => data.id },
  'problems.answer': {
    action: defineAction({ input: problemSchemas.answer, access: 'signedIn', run: (input, ctx) => transition(ctx, 'answer', input) }),
    serverId: (data: { id: string }) => data.id,
  },
  'problems.defer': {
    action: defineAction({ input: problemSchemas.defer, access: 'signedIn', run: (input, ctx) => transition(ctx, 'defer', input) }),
    serverId: (data: { id: string }) => data.id,
  },
}

/** A problem submitted offline is named by its action's client id until the device learns its real id. */
async function resolveProblemRef(tx: Tx, pushedBy: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (typeof payload.id !== 'string') return payload
  const [submitted] = await tx
    .select({ serverId: syncActions.serverId })
    .from(syncActions)
    .where(and(eq(syncActions.pushedBy, pushedBy), eq(syncActions.clientId, payload.id), eq(syncActions.kind, 'problems.submit'), eq(syncActions.ok, true)))
  return submitted?.serverId ? { ...payload, id: submitted.serverId } : payload
}

/**
 * A problem recorded offline for a holder checked in offline names, as `holderId`, that check-in's client id: a walk-in's
 * holder is not in the offline kit (only the card is), and the visit the check-in made knows them.
 */
async function resolveHolderRef(tx: Tx, pushedBy: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (typeof payload.holderId !== 'string') return payload
  const [visit] = await tx
    .select({ holderId: visits.holderId })
    .from(syncActions)
    .innerJoin(visits, eq(visits.id, syncActions.serverId))
    .where(and(eq(syncActions.pushedBy, pushedBy), eq(syncActions.clientId, payload.holderId), eq(syncActions.kind, 'bookings.checkIn'), eq(syncActions.ok, true)))
  return visit ? { ...payload, holderId: visit.holderId } : payload
}

/**
 * Replays one offline action inside the caller's transaction, as the caller at the action's time: the online action's
 * access rule, its schema and its use case (each opens a savepoint, so a refusal leaves nothing behind).
 */
export async function replay(
  tx: Tx,
  ctx: SignedInContext,
  action: { kind: SyncKind; at: Date; payload: Record<string, unknown> },
): Promise<Replayed | Failure> {
  if (action.at.getTime() > ctx.now.getTime() + OFFLINE_DRIFT_SECONDS * 1000) return fail('SYNC_TIME_INVALID')
  const { action: online, serverId } = REPLAYS[action.kind]
  if (!mayCall(online.access, ctx.caller)) return fail('FORBIDDEN')
  const payload =
    action.kind === 'problems.submit'
      ? await resolveHolderRef(tx, ctx.caller.id, action.payload)
      : action.kind.startsWith('problems.')
        ? await resolveProblemRef(tx, ctx.caller.id, action.payload)
        : action.payload
  const parsed = online.input.safeParse(payload)
  if (!parsed.success) return validationFailure(parsed.error)
  // The use cases take the store from the context: here, this transaction, so their own transactions nest in it.
  const done = await online.run(parsed.data, { ...ctx, db: tx as Db, now: action.at })
  if (isFailure(done)) return done
  return { serverId: serverId(done as never), flag: (done as Replayed).flag }
}
