import type { AuditAction } from '../../../src/core/org/org.labels'
import { auditEvents } from '../../db/schema'
import type { Tx } from '../../db/store'

export interface AuditEntry {
  /** null: the first-administrator command. */
  actorId: string | null
  action: AuditAction
  targetType: 'district' | 'department' | 'invitation' | 'user' | 'assignment' | 'calendar'
  targetId: string
  before?: unknown
  after?: unknown
  at: Date
}

/** Records one change to the district's set-up, in the transaction that makes it. */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({ ...entry, before: entry.before ?? null, after: entry.after ?? null })
}
