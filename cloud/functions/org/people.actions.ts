import { and, arrayOverlaps, desc, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Role } from '../../../src/core/auth/roles'
import { fail, isFailure } from '../../../src/core/errors'
import { INVITABLE_ROLES, orgSchemas, type InvitationView, type OrgResponses, type PersonView } from '../../../src/core/org/org.schema'
import { departments, invitations, users } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineAction, type ActionTable } from '../action'
import { inTransaction } from '../transaction'
import { endSessionsOf } from '../auth/sessions'
import { toUserView } from '../auth/users'
import { audit } from './audit'
import { activeDepartment } from './departments.actions'
import { createInvitation, findInvitationByCode, type InvitationRow } from './invitations'

type UserRow = typeof users.$inferSelect

const ADMIN = ['admin'] as const

function toPersonView(row: UserRow, departmentName: string | null): PersonView {
  return { ...toUserView(row), departmentName, active: !row.deactivatedAt, createdAt: row.createdAt.toISOString() }
}

const snapshot = (row: UserRow) => ({ name: row.name, roles: row.roles, departmentId: row.departmentId, active: !row.deactivatedAt })

function invitationStatus(row: InvitationRow, now: Date): InvitationView['status'] {
  if (row.redeemedAt) return 'redeemed'
  if (row.revokedAt) return 'revoked'
  return row.expiresAt <= now ? 'expired' : 'open'
}

/** People with their department's name: the one query behind the people list and each changed person. */
function selectPeople(tx: Tx) {
  return tx.select({ user: users, departmentName: departments.name }).from(users).leftJoin(departments, eq(departments.id, users.departmentId))
}

async function personView(tx: Tx, userId: string): Promise<PersonView | null> {
  const [row] = await selectPeople(tx).where(eq(users.id, userId))
  return row ? toPersonView(row.user, row.departmentName) : null
}

/** Invitations with their department's and redeemer's names: behind the list and each changed invitation. */
function selectInvitations(tx: Tx) {
  const redeemer = sql<string | null>`(SELECT name FROM users WHERE users.id = ${invitations.redeemedBy})`
  return tx
    .select({ invitation: invitations, departmentName: departments.name, redeemedByName: redeemer })
    .from(invitations)
    .leftJoin(departments, eq(departments.id, invitations.departmentId))
}

async function invitationView(tx: Tx, id: string, now: Date): Promise<InvitationView> {
  const [row] = await selectInvitations(tx).where(eq(invitations.id, id))
  return toInvitationView(row, now)
}

function toInvitationView(row: { invitation: InvitationRow; departmentName: string | null; redeemedByName: string | null }, now: Date): InvitationView {
  const { invitation } = row
  return {
    id: invitation.id,
    name: invitation.name,
    roles: invitation.roles as Role[],
    departmentId: invitation.departmentId,
    departmentName: row.departmentName,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    status: invitationStatus(invitation, now),
    redeemedByName: row.redeemedByName,
  }
}

/** Whether someone other than `userId` is an active administrator: the district must never lose its last one. */
async function anotherActiveAdmin(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`'admin' = ANY(${users.roles})`, isNull(users.deactivatedAt), ne(users.id, userId)))
    .limit(1)
  return !!row
}

export const peopleActions = {
  invite: defineAction({
    input: orgSchemas.invite,
    access: ADMIN,
    async run(input, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        if (input.departmentId) {
          const department = await activeDepartment(tx, input.departmentId)
          if (isFailure(department)) return department
        }
        const { row, inviteCode, qr } = await createInvitation(tx, { name: input.name, roles: input.roles, departmentId: input.departmentId ?? null, createdBy: ctx.caller.id }, ctx)
        return { inviteCode, qr, expiresAt: row.expiresAt.toISOString(), invitation: await invitationView(tx, row.id, ctx.now) } satisfies OrgResponses['invite']
      })
    },
  }),

  invitations: defineAction({
    input: orgSchemas.invitations,
    access: ADMIN,
    async run({ includeClosed }, ctx): Promise<OrgResponses['invitations']> {
      const rows = await selectInvitations(ctx.db)
        .where(includeClosed ? undefined : and(isNull(invitations.redeemedAt), isNull(invitations.revokedAt), sql`${invitations.expiresAt} > ${ctx.now}`))
        .orderBy(desc(invitations.createdAt))
        .limit(200)
      return { items: rows.map((row) => toInvitationView(row, ctx.now)) }
    },
  }),

  revokeInvite: defineAction({
    input: orgSchemas.revokeInvite,
    access: ADMIN,
    async run({ id }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const [row] = await tx.select().from(invitations).where(eq(invitations.id, id)).for('update')
        if (!row) return fail('NOT_FOUND', '邀请不存在')
        if (row.redeemedAt) return fail('INVITE_USED')
        if (!row.revokedAt) {
          await tx.update(invitations).set({ revokedAt: ctx.now }).where(eq(invitations.id, id))
          await audit(tx, { actorId: ctx.caller.id, action: 'invite.revoke', targetType: 'invitation', targetId: id, before: { status: invitationStatus(row, ctx.now) }, after: { status: 'revoked' }, at: ctx.now })
        }
        return { invitation: await invitationView(tx, id, ctx.now) } satisfies OrgResponses['revokeInvite']
      })
    },
  }),

  /** Any signed-in WeChat account takes the roles of an invitation it holds the code of; the code then is spent. */
  redeem: defineAction({
    input: orgSchemas.redeem,
    access: 'signedIn',
    async run({ inviteCode }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const invitation = await findInvitationByCode(tx, inviteCode)
        if (!invitation) return fail('INVITE_INVALID')
        if (invitation.redeemedAt) return fail('INVITE_USED')
        if (invitation.revokedAt) return fail('INVITE_REVOKED')
        if (invitation.expiresAt <= ctx.now) return fail('INVITE_EXPIRED')
        if (invitation.departmentId) {
          const department = await activeDepartment(tx, invitation.departmentId)
          if (isFailure(department)) return department
        }
        const [before] = await tx.select().from(users).where(eq(users.id, ctx.caller.id)).for('update')
        // A card holder keeps their card when they also join as staff; the invitation's roles come on top.
        const roles = [...new Set([...before.roles, ...invitation.roles])]
        const [after] = await tx
          .update(users)
          .set({ name: invitation.name, roles, departmentId: invitation.departmentId ?? before.departmentId })
          .where(eq(users.id, before.id))
          .returning()
        await tx.update(invitations).set({ redeemedBy: before.id, redeemedAt: ctx.now }).where(eq(invitations.id, invitation.id))
        await audit(tx, { actorId: before.id, action: 'invite.redeem', targetType: 'user', targetId: before.id, before: snapshot(before), after: { ...snapshot(after), invitationId: invitation.id }, at: ctx.now })
        return { user: toUserView(after) } satisfies OrgResponses['redeem']
      })
    },
  }),

  people: defineAction({
    input: orgSchemas.people,
    access: ADMIN,
    async run(filter, ctx): Promise<OrgResponses['people']> {
      const rows = await selectPeople(ctx.db)
        .where(
          and(
            filter.role ? sql`${filter.role} = ANY(${users.roles})` : arrayOverlaps(users.roles, [...INVITABLE_ROLES]),
            filter.departmentId ? eq(users.departmentId, filter.departmentId) : undefined,
            filter.includeInactive ? undefined : isNull(users.deactivatedAt),
          ),
        )
        .orderBy(sql`${users.deactivatedAt} IS NOT NULL`, users.name)
        .limit(500)
      return { items: rows.map((row) => toPersonView(row.user, row.departmentName)) }
    },
  }),

  /** Replaces a person's work roles (a card holder stays one); the change applies to their very next request. */
  setRoles: defineAction({
    input: orgSchemas.setRoles,
    access: ADMIN,
    async run(input, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const [before] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update')
        if (!before) return fail('NOT_FOUND', '人员不存在')
        if (before.roles.includes('admin') && !input.roles.includes('admin') && !(await anotherActiveAdmin(tx, before.id))) return fail('LAST_ADMIN')
        const departmentId = input.departmentId === undefined ? before.departmentId : input.departmentId
        if (departmentId && departmentId !== before.departmentId) {
          const department = await activeDepartment(tx, departmentId)
          if (isFailure(department)) return department
        }
        const roles = [...(before.roles.includes('holder') ? ['holder'] : []), ...input.roles]
        const [after] = await tx.update(users).set({ roles, departmentId }).where(eq(users.id, before.id)).returning()
        await audit(tx, { actorId: ctx.caller.id, action: 'person.setRoles', targetType: 'user', targetId: before.id, before: snapshot(before), after: snapshot(after), at: ctx.now })
        return { person: (await personView(tx, before.id))! } satisfies OrgResponses['setRoles']
      })
    },
  }),

  /** Stops a person at once: every session ends, the cloud refuses their OPENID; their history stays. */
  deactivate: defineAction({
    input: orgSchemas.deactivate,
    access: ADMIN,
    async run({ userId }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update')
        if (!before) return fail('NOT_FOUND', '人员不存在')
        if (!before.deactivatedAt) {
          if (before.roles.includes('admin') && !(await anotherActiveAdmin(tx, before.id))) return fail('LAST_ADMIN')
          const [after] = await tx.update(users).set({ deactivatedAt: ctx.now }).where(eq(users.id, userId)).returning()
          await endSessionsOf(tx, userId, ctx.now)
          await audit(tx, { actorId: ctx.caller.id, action: 'person.deactivate', targetType: 'user', targetId: userId, before: snapshot(before), after: snapshot(after), at: ctx.now })
        }
        return { person: (await personView(tx, userId))! } satisfies OrgResponses['deactivate']
      })
    },
  }),
} satisfies ActionTable
