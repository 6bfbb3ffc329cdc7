import { createHash } from 'node:crypto'
import { and, desc, eq, sql } from 'drizzle-orm'
import type { CardView, CardWithHolder, HolderView } from '../../../src/core/card/card.schema'
import type { CardStatus } from '../../../src/core/card/card.machine'
import { maskPhone } from '../../../src/core/common/mask'
import { cardEvents, cards, holders } from '../../db/schema'
import type { Tx } from '../../db/store'

type CardRow = typeof cards.$inferSelect
type HolderRow = typeof holders.$inferSelect

export function toCardView(row: CardRow): CardView {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    status: row.status,
    holderId: row.holderId,
    issuedAt: row.issuedAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
  }
}

export function toHolderView(row: HolderRow): HolderView {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    creditCode: row.creditCode,
    qualification: { basis: row.qualificationBasis, detail: row.qualificationDetail },
    contact: { name: row.contactName, phone: row.contactPhone },
  }
}

/** The holder as staff and other departments see them: the contact phone masked (DESIGN.md §2). */
export function maskedHolder(holder: HolderView): HolderView {
  return { ...holder, contact: { ...holder.contact, phone: maskPhone(holder.contact.phone) } }
}

const withHolder = (row: { cards: CardRow; holders: HolderRow }): CardWithHolder => ({
  card: toCardView(row.cards),
  holder: toHolderView(row.holders),
})

/** A card and its holder as views, with the card's row for the rules. */
export const cardWithHolder = (row: { cards: CardRow; holders: HolderRow }): CardWithHolder & { row: CardRow } => ({ ...withHolder(row), row: row.cards })

export async function findCard(tx: Tx, where: ReturnType<typeof eq>): Promise<CardWithHolder & { row: CardRow } | null> {
  const [row] = await tx.select().from(cards).innerJoin(holders, eq(cards.holderId, holders.id)).where(where).limit(1)
  return row ? cardWithHolder(row) : null
}

export async function listCards(tx: Tx, filter: { userId?: string; status?: CardStatus }): Promise<CardWithHolder[]> {
  const conditions = [
    filter.userId ? eq(cards.userId, filter.userId) : undefined,
    filter.status ? eq(cards.status, filter.status) : undefined,
  ]
  const rows = await tx
    .select()
    .from(cards)
    .innerJoin(holders, eq(cards.holderId, holders.id))
    .where(and(...conditions))
    .orderBy(desc(cards.issuedAt))
    .limit(500)
  return rows.map(withHolder)
}

/**
 * Moves a card from `from` to `to` only if nobody changed it meanwhile, and records the event in the same
 * transaction. Returns null when the card was no longer in `from`.
 */
export async function changeCardStatus(
  tx: Tx,
  change: {
    card: CardRow
    to: CardStatus
    action: string
    actorId: string
    at: Date
    reason?: string
    set?: Partial<CardRow>
  },
): Promise<CardRow | null> {
  const [updated] = await tx
    .update(cards)
    .set({ ...change.set, status: change.to, updatedAt: change.at })
    .where(and(eq(cards.id, change.card.id), eq(cards.status, change.card.status)))
    .returning()
  if (!updated) return null
  await tx.insert(cardEvents).values({
    cardId: change.card.id,
    actorId: change.actorId,
    action: change.action,
    fromStatus: change.card.status,
    toStatus: change.to,
    reason: change.reason ?? null,
    at: change.at,
  })
  return updated
}

export async function nextCardNumber(tx: Tx, type: CardRow['type'], at: Date): Promise<string> {
  // Both drivers answer execute() with an object carrying `rows`.
  const { rows } = (await tx.execute(sql`SELECT nextval('card_number_seq')::text AS n`)) as unknown as { rows: { n: string }[] }
  const letter = { enterprise: 'E', project: 'P', talent: 'T' }[type]
  return `${letter}${at.getUTCFullYear()}${rows[0].n.padStart(6, '0')}`
}

const ACTIVATION_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** 12 characters from 32 unambiguous ones (60 bits): shown once as XXXX-XXXX-XXXX. */
export function newActivationCode(random: Uint8Array): string {
  if (random.length < 12) throw new Error('activation code needs 12 random bytes')
  const chars = Array.from(random.slice(0, 12), (byte) => ACTIVATION_ALPHABET[byte & 31])
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`
}

export function hashActivationCode(code: string): string {
  return createHash('sha256').update(code.replace(/-/g, '').toUpperCase()).digest('hex')
}
