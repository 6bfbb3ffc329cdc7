import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Role } from '../../../src/core/auth/roles'
import { authSessions, users } from '../../db/schema'
import { perDb } from '../../db/prepared'
import type { Db, Tx } from '../../db/store'
import { SESSION_DAYS } from '../../platform/session'
import type { Caller, Services } from '../action'

export type SessionKind = 'wechat' | 'desktop' | 'dev'

/** Signs a user in: a session row and its token. */
export async function startSession(tx: Tx, services: Pick<Services, 'newId' | 'sessions'>, userId: string, kind: SessionKind, now: Date): Promise<string> {
  const id = services.newId()
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86400_000)
  await tx.insert(authSessions).values({ id, userId, kind, createdAt: now, expiresAt })
  return services.sessions.issue(id, expiresAt)
}

/** Every request reads its session: prepared once per database (issue 13). */
const sessionQuery = perDb((db) =>
  db
    .select({ id: users.id, name: users.name, roles: users.roles, departmentId: users.departmentId, deactivatedAt: users.deactivatedAt, revokedAt: authSessions.revokedAt, expiresAt: authSessions.expiresAt })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.id, sql.placeholder('sessionId')))
    .prepare('caller_of_session'),
)

/**
 * The caller behind a session: null when the session was ended or has expired; 'deactivated' when the person was
 * deactivated (their sessions stop at once, whatever the token says). One query per request.
 */
export async function callerOfSession(db: Db, sessionId: string, now: Date): Promise<Caller | 'deactivated' | null> {
  const [row] = await sessionQuery(db).execute({ sessionId })
  if (!row) return null
  // Deactivation also ends the sessions; saying why beats a bare "please sign in" that would only fail again.
  if (row.deactivatedAt) return 'deactivated'
  if (row.revokedAt || row.expiresAt <= now) return null
  return { id: row.id, name: row.name, roles: row.roles as Role[], departmentId: row.departmentId, sessionId }
}

export async function endSession(tx: Tx, sessionId: string, now: Date): Promise<void> {
  await tx.update(authSessions).set({ revokedAt: now }).where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)))
}

/** Ends every session of a person (deactivation). */
export async function endSessionsOf(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.update(authSessions).set({ revokedAt: now }).where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
}
