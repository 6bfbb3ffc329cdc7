import { and, desc, eq, isNotNull, sql } from 'drizzle-orm'
import { ERRORS, isFailure, type ErrorCode } from '../../../src/core/errors'
import { syncSchemas, type SyncKind, type SyncResponses, type SyncResult } from '../../../src/core/sync/sync.schema'
import { syncActions, users } from '../../db/schema'
import { defineAction, type ActionTable, type SignedInContext } from '../action'
import { inTransaction } from '../transaction'
import { flagHolders } from './sync.flag-holders'
import { replay } from './sync.replay'

type Row = typeof syncActions.$inferSelect

function resultOf(row: Pick<Row, 'clientId' | 'ok' | 'code' | 'message' | 'serverId'>): SyncResult {
  return {
    id: row.clientId,
    ok: row.ok,
    ...(row.code ? { code: row.code, message: row.message ?? undefined } : {}),
    ...(row.serverId ? { serverId: row.serverId } : {}),
  }
}

/**
 * One pushed action in its own transaction. The row is claimed first: the unique (pusher, client id) makes a second
 * push of the same action wait for the first and then answer its stored result, so nothing happens twice.
 */
async function pushOne(ctx: SignedInContext, deviceId: string, action: { id: string; kind: SyncKind; at: string; payload: Record<string, unknown> }) {
  const at = new Date(action.at)
  return inTransaction(ctx.db, async (tx) => {
    const [claimed] = await tx
      .insert(syncActions)
      .values({
        id: ctx.newId(),
        pushedBy: ctx.caller.id,
        departmentId: ctx.caller.departmentId,
        deviceId,
        clientId: action.id,
        kind: action.kind,
        at,
        payload: action.payload,
        ok: false,
        receivedAt: ctx.now,
      })
      .onConflictDoNothing({ target: [syncActions.pushedBy, syncActions.clientId] })
      .returning({ id: syncActions.id })
    if (!claimed) {
      const [stored] = await tx.select().from(syncActions).where(and(eq(syncActions.pushedBy, ctx.caller.id), eq(syncActions.clientId, action.id)))
      return resultOf(stored)
    }
    const done = await replay(tx, ctx, { kind: action.kind, at, payload: action.payload })
    const outcome = isFailure(done)
      ? { ok: false, code: done.error.code, message: done.error.message, serverId: null }
      : { ok: true, code: done.flag ?? null, message: done.flag ? ERRORS[done.flag as ErrorCode].message : null, serverId: done.serverId ?? null }
    await tx.update(syncActions).set(outcome).where(eq(syncActions.id, claimed.id))
    return resultOf({ clientId: action.id, ...outcome })
  })
}

export const syncActionTable = {
  /** Offline actions of a station device, replayed in order (a later action may need an earlier one's result). */
  push: defineAction({
    input: syncSchemas.push,
    access: ['staff', 'admin'] as const,
    async run({ deviceId, actions }, ctx): Promise<SyncResponses['push']> {
      const results: SyncResult[] = []
      for (const action of actions) results.push(await pushOne(ctx, deviceId, action))
      return { results }
    },
  }),

  /** Offline actions flagged or refused: every one for administrators, their department's staff's for handlers. */
  flags: defineAction({
    input: syncSchemas.flags,
    access: ['admin', 'handler'] as const,
    async run({ limit }, ctx): Promise<SyncResponses['flags']> {
      const department = ctx.caller.roles.includes('admin')
        ? undefined
        : ctx.caller.departmentId
          ? eq(syncActions.departmentId, ctx.caller.departmentId)
          : sql`false`
      const rows = await ctx.db
        .select({ action: syncActions, pusher: { id: users.id, name: users.name } })
        .from(syncActions)
        .innerJoin(users, eq(users.id, syncActions.pushedBy))
        .where(and(isNotNull(syncActions.code), department))
        .orderBy(desc(syncActions.receivedAt), desc(syncActions.at))
        .limit(limit)
      const holdersOf = await flagHolders(ctx.db, rows.map(({ action }) => action))
      return {
        items: rows.map(({ action: row, pusher }, i) => ({
          ...resultOf(row),
          kind: row.kind as SyncKind,
          at: row.at.toISOString(),
          deviceId: row.deviceId,
          pushedBy: pusher,
          receivedAt: row.receivedAt.toISOString(),
          payload: row.payload as Record<string, unknown>,
          holder: holdersOf[i],
        })),
      }
    },
  }),
} satisfies ActionTable
