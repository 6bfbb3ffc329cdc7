import { eq } from 'drizzle-orm'
import { INVITE_HOURS, QR_PREFIX, type InvitableRole } from '../../../src/core/org/org.labels'
import { invitations } from '../../db/schema'
import type { Tx } from '../../db/store'
import { hashActivationCode, newActivationCode } from '../cards/cards.queries'
import { audit } from './audit'

export type InvitationRow = typeof invitations.$inferSelect

export interface NewInvitation {
  name: string
  roles: InvitableRole[]
  departmentId: string | null
  /** null: the first-administrator command. */
  createdBy: string | null
}

/**
 * Creates a one-time invitation valid for INVITE_HOURS and returns its code (shown once; only its hash is kept) and the
 * text of its QR code. Invitation codes share the activation codes' alphabet and hashing: 12 characters, no 0/O/1/I.
 */
export async function createInvitation(
  tx: Tx,
  input: NewInvitation,
  deps: { now: Date; newId: () => string; randomBytes: (length: number) => Uint8Array },
): Promise<{ row: InvitationRow; inviteCode: string; qr: string }> {
  const inviteCode = newActivationCode(deps.randomBytes(12))
  const [row] = await tx
    .insert(invitations)
    .values({
      id: deps.newId(),
      codeHash: hashActivationCode(inviteCode),
      name: input.name,
      roles: input.roles,
      departmentId: input.departmentId,
      createdBy: input.createdBy,
      createdAt: deps.now,
      expiresAt: new Date(deps.now.getTime() + INVITE_HOURS * 3600_000),
    })
    .returning()
  await audit(tx, {
    actorId: input.createdBy,
    action: 'invite.create',
    targetType: 'invitation',
    targetId: row.id,
    after: { name: row.name, roles: row.roles, departmentId: row.departmentId, expiresAt: row.expiresAt.toISOString() },
    at: deps.now,
  })
  return { row, inviteCode, qr: `${QR_PREFIX.invite}${inviteCode}` }
}

export async function findInvitationByCode(tx: Tx, inviteCode: string): Promise<InvitationRow | undefined> {
  const [row] = await tx.select().from(invitations).where(eq(invitations.codeHash, hashActivationCode(inviteCode))).for('update')
  return row
}
