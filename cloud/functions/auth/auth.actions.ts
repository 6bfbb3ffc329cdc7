import { inArray } from 'drizzle-orm'
import { authSchemas, type AuthResponses } from '../../../src/core/auth/auth.schema'
import { fail, isFailure } from '../../../src/core/errors'
import { users } from '../../db/schema'
import { DEMO_USERS } from '../../db/seed'
import { defineAction, type ActionTable } from '../action'
import { approveChallenge, createChallenge, pollChallenge } from './desktop'
import { endSession, startSession } from './sessions'
import { findOrCreateUser, toUserView } from './users'

export const authActions = {
  /** WeChat sign-in over HTTP: the wx.login code → OPENID (code2session) → the user, created without roles on first sight. */
  login: defineAction({
    input: authSchemas.login,
    access: 'public',
    async run({ code }, ctx) {
      const session = await ctx.code2session(code)
      if (isFailure(session)) return session
      const { user, deactivated } = await findOrCreateUser(ctx, session.openid)
      if (deactivated) return fail('ACCOUNT_DEACTIVATED')
      return { token: await startSession(ctx.db, ctx, user.id, 'wechat', ctx.now), user } satisfies AuthResponses['login']
    },
  }),

  devLogin: defineAction({
    input: authSchemas.devLogin,
    access: 'public',
    async run({ userKey }, ctx) {
      if (!ctx.devLogin) return fail('DEV_LOGIN_DISABLED')
      // An unknown key behaves like a first-time WeChat visitor: a new user without roles.
      const { user, deactivated } = await findOrCreateUser(ctx, `dev:${userKey}`)
      if (deactivated) return fail('ACCOUNT_DEACTIVATED')
      return { token: await startSession(ctx.db, ctx, user.id, 'dev', ctx.now), user } satisfies AuthResponses['devLogin']
    },
  }),

  me: defineAction({
    input: authSchemas.me,
    access: 'signedIn',
    async run(_input, ctx): Promise<AuthResponses['me']> {
      return { user: toUserView(ctx.caller) }
    },
  }),

  /** Ends the caller's session on the HTTP host (in the cloud there is none: identity is the OPENID). */
  logout: defineAction({
    input: authSchemas.logout,
    access: 'signedIn',
    async run(_input, ctx): Promise<AuthResponses['logout']> {
      if (ctx.caller.sessionId) await endSession(ctx.db, ctx.caller.sessionId, ctx.now)
      return { signedOut: true }
    },
  }),

  desktopChallenge: defineAction({
    input: authSchemas.desktopChallenge,
    access: 'public',
    run: (_input, ctx) => createChallenge(ctx),
  }),

  approveDesktop: defineAction({
    input: authSchemas.approveDesktop,
    access: 'signedIn',
    run: ({ challengeId }, ctx) => approveChallenge(challengeId, ctx),
  }),

  pollDesktop: defineAction({
    input: authSchemas.pollDesktop,
    access: 'public',
    run: (input, ctx) => pollChallenge(input, ctx),
  }),

  demoUsers: defineAction({
    input: authSchemas.demoUsers,
    access: 'public',
    async run(_input, ctx) {
      if (!ctx.devLogin) return fail('DEV_LOGIN_DISABLED')
      // One query: the role switcher waits for this on the first page (13 lookups took 100–250 ms on PGlite).
      const rows = await ctx.db
        .select({ openid: users.openid, name: users.name, roles: users.roles })
        .from(users)
        .where(inArray(users.openid, DEMO_USERS.map((demo) => `dev:${demo.key}`)))
      const byOpenid = new Map(rows.map((row) => [row.openid, row]))
      const items = DEMO_USERS.flatMap((demo) => {
        const row = byOpenid.get(`dev:${demo.key}`)
        return row ? [{ userKey: demo.key, name: row.name, roles: row.roles as typeof demo.roles }] : []
      })
      return { items } satisfies AuthResponses['demoUsers']
    },
  }),
} satisfies ActionTable
