import { eq } from 'drizzle-orm'
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
      const rows = await Promise.all(
        DEMO_USERS.map(async (demo) => {
          const [row] = await ctx.db.select().from(users).where(eq(users.openid, `dev:${demo.key}`))
          return row ? { userKey: demo.key, name: row.name, roles: row.roles as typeof demo.roles } : null
        }),
      )
      return { items: rows.filter((row) => row !== null) } satisfies AuthResponses['demoUsers']
    },
  }),
} satisfies ActionTable
