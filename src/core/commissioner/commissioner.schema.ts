import { addDays, daysBetween, endOfShanghaiDay, isIsoDate, shanghaiDate, toInstant, type InstantInput } from '../calendar/shanghai-time'
import type { HolderType } from '../card/qualification'
import * as z from 'zod'
import { empty, id, idempotencyKey, text } from '../common/zod'
import { fail, ok, type Result } from '../errors'
import { CONTACT_KINDS, type ContactKind } from './commissioner.kinds'
import { COMMISSIONER_LIMITS as L, CONTACT_CLOCK_SKEW_MS } from './commissioner.limits'

/**
 * Commissioners (特派员) keep regular contact with the enterprises, projects and talents assigned to them, log each
 * contact, submit problems for them (problems.submit with holderId) and escalate what they cannot solve (problems.escalate).
 */
export { CONTACT_KINDS, CONTACT_KIND_LABELS, type ContactKind } from './commissioner.kinds'

/** A holder with no logged contact for this many days is due for one (经常性联系). */
export const CONTACT_CADENCE_DAYS = 7

export { COMMISSIONER_LIMITS, CONTACT_CLOCK_SKEW_MS } from './commissioner.limits'

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/

/** An ISO 8601 instant that says its offset ('Z' or '+08:00'), and is a real one. */
export const isoInstant = z
  .string()
  .trim()
  .refine((value) => {
    const m = INSTANT_RE.exec(value)
    // The date must exist: JavaScript would roll 2026-02-30 over to March.
    if (!m || !isIsoDate(m[1])) return false
    try {
      toInstant(value)
      return true
    } catch {
      return false
    }
  }, '时间不正确，请重新选择')

export const commissionerSchemas = {
  assignees: empty,
  logContact: z.strictObject({
    holderId: id,
    kind: z.enum(CONTACT_KINDS),
    /** When the contact took place; not in the future (checked with the server's clock by `checkContactTime`). */
    at: isoInstant,
    note: text(L.contactNote.max, L.contactNote.min),
    /** Optional: a retried request with the same key logs the contact once. */
    idempotencyKey: idempotencyKey.optional(),
  }),
}

export type LogContactInput = z.infer<typeof commissionerSchemas.logContact>

/** The time of a logged contact must not be in the future (beyond a small clock skew). */
export function checkContactTime(at: InstantInput, now: InstantInput): Result<null> {
  if (toInstant(at).getTime() > toInstant(now).getTime() + CONTACT_CLOCK_SKEW_MS) {
    return fail('VALIDATION_FAILED', '联系时间不能晚于当前时间')
  }
  return ok(null)
}

export interface ContactCadence {
  /** End (23:59:59.999 Asia/Shanghai) of the 7th calendar day after the last contact (or the assignment); ISO. */
  dueBy: string | null
  /** No contact logged within the cadence. */
  overdue: boolean
  /** Whole Shanghai calendar days since the last contact; null when none was ever logged. */
  daysSinceContact: number | null
}

/**
 * The contact rule: a holder must be contacted at least every 7 calendar days (weekends and holidays count: it is a
 * relationship, not an office deadline). Contact on day D is due again by the end of day D + 7 (Asia/Shanghai), and
 * overdue strictly after. A holder never contacted counts from the day they were assigned to the commissioner; with
 * neither known, they are overdue at once.
 */
export function contactCadence(
  holder: { lastContactAt: InstantInput | null; assignedAt?: InstantInput | null },
  now: InstantInput,
  cadenceDays: number = CONTACT_CADENCE_DAYS,
): ContactCadence {
  const from = holder.lastContactAt ?? holder.assignedAt ?? null
  const today = shanghaiDate(now)
  const daysSinceContact = holder.lastContactAt ? Math.max(0, daysBetween(shanghaiDate(holder.lastContactAt), today)) : null
  if (from === null) return { dueBy: null, overdue: true, daysSinceContact }
  const dueBy = endOfShanghaiDay(addDays(shanghaiDate(from), cadenceDays))
  return { dueBy: dueBy.toISOString(), overdue: toInstant(now).getTime() > dueBy.getTime(), daysSinceContact }
}

/** One holder on the commissioner's list. */
export interface AssigneeView {
  holderId: string
  name: string
  type: HolderType
  /** ISO instant of the last logged contact, null if none. */
  lastContactAt: string | null
  /** Problems of this holder not yet closed. */
  openProblems: number
  /** See `contactCadence`. */
  contactDueBy: string | null
  contactOverdue: boolean
}

export interface ContactView {
  id: string
  holderId: string
  commissionerId: string
  kind: ContactKind
  at: string
  note: string
  createdAt: string
}

/** Response shapes of the commissioners area. */
export interface CommissionerResponses {
  assignees: { items: AssigneeView[] }
  logContact: ContactView
}
