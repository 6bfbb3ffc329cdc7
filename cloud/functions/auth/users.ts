import { eq } from 'drizzle-orm'
import type { Role, UserView } from '../../../src/core/auth/roles'
import { users } from '../../db/schema'
import type { Services } from '../action'

type UserRow = typeof users.$inferSelect

export function toUserView(row: Pick<UserRow, 'id' | 'name' | 'roles' | 'departmentId'>): UserView {
  return { id: row.id, name: row.name, roles: row.roles as Role[], departmentId: row.departmentId }
}

/** 微信用户4821 until they say who they are: four digits from the id (letters would read as a code, issue 15). */
export function newcomerName(id: string): string {
  return `微信用户${String(parseInt(id.slice(0, 8), 16) % 10000).padStart(4, '0')}`
}

/**
 * The user behind an OPENID (or a dev login key), created without roles on first sight; `deactivated` when an
 * administrator deactivated them (they are refused, never re-created).
 */
export async function findOrCreateUser(services: Pick<Services, 'db' | 'newId'>, openid: string): Promise<{ user: UserView; deactivated: boolean }> {
  const id = services.newId()
  await services.db
    .insert(users)
    .values({ id, openid, name: newcomerName(id) })
    .onConflictDoNothing({ target: users.openid })
  const [row] = await services.db.select().from(users).where(eq(users.openid, openid))
  return { user: toUserView(row), deactivated: row.deactivatedAt !== null }
}
