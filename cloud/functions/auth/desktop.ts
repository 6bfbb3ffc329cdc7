import { createHash } from 'node:crypto'
import { and, eq, isNull, lt } from 'drizzle-orm'
import { base64urlnopad } from '@scure/base'
import type { AuthResponses } from '../../../src/core/auth/auth.schema'
import { fail, type Failure } from '../../../src/core/errors'
import { QR_PREFIX } from '../../../src/core/org/org.labels'
import { desktopChallenges, users } from '../../db/schema'
import type { ActionContext, SignedInContext } from '../action'
import { inTransaction } from '../transaction'
import { startSession } from './sessions'
import { toUserView } from './users'

/** How long a sign-in QR code on a desktop browser can be scanned. */
export const CHALLENGE_SECONDS = 120
/** After approval the browser has this long to collect its session (it polls every 2 s). */
const COLLECT_GRACE_MS = 60_000

const hashKey = (pollKey: string) => createHash('sha256').update(pollKey).digest('hex')

/**
 * A browser asks to be signed in. The QR code carries only the challenge id; the poll key stays in the browser, so
 * someone who photographs the screen can approve nothing for themselves and collect nothing.
 */
export async function createChallenge(ctx: ActionContext<'public'>): Promise<AuthResponses['desktopChallenge']> {
  const id = ctx.newId()
  const pollKey = base64urlnopad.encode(ctx.randomBytes(32))
  const expiresAt = new Date(ctx.now.getTime() + CHALLENGE_SECONDS * 1000)
  // Old challenges are of no use to anyone: clear those an hour past their expiry as new ones come.
  await ctx.db.delete(desktopChallenges).where(lt(desktopChallenges.expiresAt, new Date(ctx.now.getTime() - 3600_000)))
  await ctx.db.insert(desktopChallenges).values({ id, pollKeyHash: hashKey(pollKey), createdAt: ctx.now, expiresAt })
  return { challengeId: id, pollKey, qr: `${QR_PREFIX.desktop}${id}`, expiresAt: expiresAt.toISOString() }
}

/** The signed-in phone user approves the browser showing this challenge. */
export async function approveChallenge(challengeId: string, ctx: SignedInContext): Promise<AuthResponses['approveDesktop'] | Failure> {
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(desktopChallenges).where(eq(desktopChallenges.id, challengeId)).for('update')
    if (!row) return fail('NOT_FOUND', '登录二维码无效，请在电脑上刷新后重新扫码')
    if (row.approvedAt) return fail('CHALLENGE_USED')
    if (row.expiresAt <= ctx.now) return fail('CHALLENGE_EXPIRED')
    await tx.update(desktopChallenges).set({ approvedBy: ctx.caller.id, approvedAt: ctx.now }).where(eq(desktopChallenges.id, challengeId))
    return { approved: true as const }
  })
}

/** The browser asks whether it was approved; the session is handed out once. */
export async function pollChallenge(input: { challengeId: string; pollKey: string }, ctx: ActionContext<'public'>): Promise<AuthResponses['pollDesktop'] | Failure> {
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .select()
      .from(desktopChallenges)
      .where(and(eq(desktopChallenges.id, input.challengeId), eq(desktopChallenges.pollKeyHash, hashKey(input.pollKey))))
      .for('update')
    if (!row) return fail('NOT_FOUND', '登录二维码无效，请刷新')
    if (row.collectedAt) return fail('CHALLENGE_USED')
    if (!row.approvedAt || !row.approvedBy) return row.expiresAt <= ctx.now ? fail('CHALLENGE_EXPIRED') : { status: 'pending' as const }
    if (ctx.now.getTime() > row.expiresAt.getTime() + COLLECT_GRACE_MS) return fail('CHALLENGE_EXPIRED')
    const [user] = await tx.select().from(users).where(eq(users.id, row.approvedBy))
    if (user.deactivatedAt) return fail('ACCOUNT_DEACTIVATED')
    const collected = await tx
      .update(desktopChallenges)
      .set({ collectedAt: ctx.now })
      .where(and(eq(desktopChallenges.id, row.id), isNull(desktopChallenges.collectedAt)))
      .returning({ id: desktopChallenges.id })
    if (collected.length === 0) return fail('CHALLENGE_USED')
    const token = await startSession(tx, ctx, user.id, 'desktop', ctx.now)
    return { status: 'approved' as const, token, user: toUserView(user) }
  })
}
