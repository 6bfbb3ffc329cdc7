import { inArray } from 'drizzle-orm'
import { authSchemas, type AuthResponses } from '../../../src/core/auth/auth.schema'
import { fail } from '../../../src/core/errors'
import { users } from '../../db/schema'
import { DEMO_USERS } from '../../db/seed'
import { defineAction, type ActionTable } from '../action'
import { findOrCreateUser } from './users'

export const authActions = {
  devLogin: defineAction({
    input: authSchemas.devLogin,
    access: 'public',
    async run({ userKey }, ctx) {
      if (!ctx.devLogin) return fail('DEV_LOGIN_DISABLED')
      // An unknown key behaves like a first-time WeChat visitor: a new user without roles.
      const user = await findOrCreateUser(ctx, `dev:${userKey}`)
      return { token: ctx.sessions.issue(user.id, ctx.now.getTime()), user } satisfies AuthResponses['devLogin']
    },
  }),

  me: defineAction({
    input: authSchemas.me,
    access: 'signedIn',
    async run(_input, ctx): Promise<AuthResponses['me']> {
      return { user: ctx.caller }
    },
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
