import { and, desc, inArray, ne } from 'drizzle-orm'
import type { SyncFlagHolder, SyncKind } from '../../../src/core/sync/sync.schema'
import { bookings, cards, holders, problems, visits } from '../../db/schema'
import type { Db } from '../../db/store'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** What a flagged action is about: the visit, booking or problem it made, or else the one its payload names. */
type Ref = { table: 'visit' | 'booking' | 'problem' | 'holder'; id: string }

export interface FlaggedRow {
  kind: string
  serverId: string | null
  payload: unknown
}

function refOf(row: FlaggedRow): Ref | null {
  const kind = row.kind as SyncKind
  const payload = (row.payload ?? {}) as Record<string, unknown>
  const named = (value: unknown, table: Ref['table']): Ref | null => (typeof value === 'string' && UUID.test(value) ? { table, id: value } : null)
  switch (kind) {
    case 'bookings.checkIn':
      // A refused scan made no visit, and its code is not trusted enough to name anyone.
      return named(row.serverId, 'visit')
    case 'bookings.markNoShow':
      return named(row.serverId, 'booking') ?? named(payload.bookingId, 'booking')
    case 'problems.submit':
      return named(row.serverId, 'problem') ?? named(payload.holderId, 'holder')
    case 'problems.answer':
    case 'problems.defer':
      return named(row.serverId, 'problem') ?? named(payload.id, 'problem')
    default:
      return null
  }
}

/**
 * The holder and card of each flagged action, so a reviewer reads a name and a card number instead of ids: a visit or
 * booking names its card, a problem or a holder the holder's latest card. Four reads for the whole page, none per row.
 */
export async function flagHolders(db: Db, rows: readonly FlaggedRow[]): Promise<Array<SyncFlagHolder | null>> {
  const refs = rows.map(refOf)
  const idsOf = (table: Ref['table']) => [...new Set(refs.filter((ref): ref is Ref => ref?.table === table).map((ref) => ref.id))]
  const [visitRows, bookingRows, problemRows] = await Promise.all([
    idsOf('visit').length ? db.select({ id: visits.id, holderId: visits.holderId, cardId: visits.cardId }).from(visits).where(inArray(visits.id, idsOf('visit'))) : [],
    idsOf('booking').length
      ? db.select({ id: bookings.id, holderId: bookings.holderId, cardId: bookings.cardId }).from(bookings).where(inArray(bookings.id, idsOf('booking')))
      : [],
    idsOf('problem').length ? db.select({ id: problems.id, holderId: problems.holderId }).from(problems).where(inArray(problems.id, idsOf('problem'))) : [],
  ])
  const owners = new Map<string, { holderId: string; cardId: string | null }>()
  for (const row of [...visitRows, ...bookingRows]) owners.set(row.id, { holderId: row.holderId, cardId: row.cardId })
  for (const row of problemRows) if (row.holderId) owners.set(row.id, { holderId: row.holderId, cardId: null })
  for (const id of idsOf('holder')) owners.set(id, { holderId: id, cardId: null })

  const holderIds = [...new Set([...owners.values()].map((owner) => owner.holderId))]
  if (!holderIds.length) return refs.map(() => null)
  const [holderRows, cardRows] = await Promise.all([
    db.select({ id: holders.id, name: holders.name }).from(holders).where(inArray(holders.id, holderIds)),
    db
      .select({ id: cards.id, holderId: cards.holderId, number: cards.number })
      .from(cards)
      .where(and(inArray(cards.holderId, holderIds), ne(cards.status, 'pending')))
      .orderBy(desc(cards.issuedAt)),
  ])
  const nameOf = new Map(holderRows.map((row) => [row.id, row.name]))
  const numberOf = new Map(cardRows.map((row) => [row.id, row.number]))
  const latestOf = new Map<string, string>()
  for (const row of cardRows) if (!latestOf.has(row.holderId)) latestOf.set(row.holderId, row.number)

  return refs.map((ref) => {
    const owner = ref ? owners.get(ref.id) : undefined
    const name = owner ? nameOf.get(owner.holderId) : undefined
    if (!owner || name === undefined) return null
    const cardNumber = (owner.cardId ? numberOf.get(owner.cardId) : undefined) ?? latestOf.get(owner.holderId) ?? null
    return { id: owner.holderId, name, cardNumber }
  })
}
