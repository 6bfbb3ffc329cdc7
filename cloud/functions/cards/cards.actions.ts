import { base64urlnopad } from '@scure/base'
import { and, eq, sql } from 'drizzle-orm'
import { cardSchemas, type CardResponses, type CardWithHolder } from '../../../src/core/card/card.schema'
import { cardUsable, nextCardStatus, type CardAction } from '../../../src/core/card/card.machine'
import { CARD_TOKEN_REFRESH_SECONDS, signCardToken } from '../../../src/core/card/card.token'
import { OFFLINE_CREDENTIAL_DAYS, signOfflineCredential } from '../../../src/core/card/offline-code.format'
import { HOLDER_TYPE_LABELS } from '../../../src/core/card/qualification'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import { cardEvents, cards, holders, users } from '../../db/schema'
import { sqlState, UNIQUE_VIOLATION } from '../../db/store'
import { defineAction, type ActionTable } from '../action'
import { inTransaction } from '../transaction'
import { scanCard } from './card-scan'
import { bindDevice } from './offline-scan'
import {
  changeCardStatus,
  findCard,
  hashActivationCode,
  listCards,
  maskedHolder,
  newActivationCode,
  nextCardNumber,
  toCardView,
  toHolderView,
} from './cards.queries'

const ADMIN = ['admin'] as const
const STAFF = ['staff'] as const

function adminChange(action: Exclude<CardAction, 'activate'>) {
  return defineAction({
    input: cardSchemas[action],
    access: ADMIN,
    async run({ cardId, reason }, ctx): Promise<CardWithHolder | Failure> {
      return inTransaction(ctx.db, async (tx) => {
        const found = await findCard(tx, eq(cards.id, cardId))
        if (!found) return fail('NOT_FOUND', '服务卡不存在')
        const next = nextCardStatus(found.row.status, action)
        if (isFailure(next)) return next
        const updated = await changeCardStatus(tx, {
          card: found.row,
          to: next.data,
          action,
          actorId: ctx.caller.id,
          at: ctx.now,
          reason,
        })
        if (!updated) return fail('INVALID_TRANSITION', '服务卡状态刚被他人修改，请刷新后重试')
        return { card: toCardView(updated), holder: found.holder }
      })
    },
  })
}

export const cardActions = {
  mine: defineAction({
    input: cardSchemas.mine,
    access: 'signedIn',
    async run(_input, ctx): Promise<CardResponses['mine']> {
      return { items: await listCards(ctx.db, { userId: ctx.caller.id }) }
    },
  }),

  token: defineAction({
    input: cardSchemas.token,
    access: 'signedIn',
    async run({ cardId }, ctx) {
      const found = await findCard(ctx.db, and(eq(cards.id, cardId), eq(cards.userId, ctx.caller.id))!)
      // Someone else's card looks exactly like a missing one.
      if (!found) return fail('NOT_FOUND', '服务卡不存在')
      const unusable = cardUsable(found.row.status)
      if (unusable) return unusable
      const { qr, claims } = signCardToken(
        { cardId, nowMs: ctx.now.getTime(), nonce: ctx.randomBytes(16) },
        ctx.secrets.signCard,
      )
      return {
        qr,
        expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
        refreshAfter: new Date((claims.issuedAt + CARD_TOKEN_REFRESH_SECONDS) * 1000).toISOString(),
      } satisfies CardResponses['token']
    },
  }),

  verify: defineAction({
    input: cardSchemas.verify,
    access: STAFF,
    async run({ qr }, ctx) {
      const scanned = await scanCard(ctx.db, qr, { staffId: ctx.caller.id, now: ctx.now, secrets: ctx.secrets })
      if (isFailure(scanned)) return scanned
      return { card: scanned.card, holder: maskedHolder(scanned.holder), verifiedAt: ctx.now.toISOString() } satisfies CardResponses['verify']
    },
  }),

  issue: defineAction({
    input: cardSchemas.issue,
    access: ADMIN,
    async run({ holder: input }, ctx) {
      const activationCode = newActivationCode(ctx.randomBytes(12))
      try {
        return await inTransaction(ctx.db, async (tx) => {
          const details = {
            name: input.name,
            creditCode: input.creditCode ?? null,
            qualificationBasis: input.qualification.basis,
            qualificationDetail: input.qualification.detail,
            contactName: input.contact.name,
            contactPhone: input.contact.phone,
          }
          const values = { type: input.type, ...details }
          // A holder with a credit code keeps its record across cards: a new card of the same type refreshes its details.
          // A card of another type never rewrites it (nor so the history of its revoked cards): that issue is refused.
          const [holder] = input.creditCode
            ? await tx
                .insert(holders)
                .values({ id: ctx.newId(), ...values })
                .onConflictDoUpdate({ target: holders.creditCode, set: details, setWhere: eq(holders.type, input.type) })
                .returning()
            : await tx.insert(holders).values({ id: ctx.newId(), ...values }).returning()
          if (!holder) {
            const [registered] = await tx.select().from(holders).where(eq(holders.creditCode, input.creditCode!))
            return fail(
              'HOLDER_TYPE_CONFLICT',
              `该统一社会信用代码已登记为${HOLDER_TYPE_LABELS[registered.type]}主体「${registered.name}」，不能再用于发放${HOLDER_TYPE_LABELS[input.type]}（项目卡、人才卡可不填信用代码）`,
            )
          }
          const [card] = await tx
            .insert(cards)
            .values({
              id: ctx.newId(),
              number: await nextCardNumber(tx, input.type, ctx.now),
              type: input.type,
              holderId: holder.id,
              status: 'pending',
              activationCodeHash: hashActivationCode(activationCode),
              issuedBy: ctx.caller.id,
              issuedAt: ctx.now,
              updatedAt: ctx.now,
            })
            .returning()
          await tx.insert(cardEvents).values({
            cardId: card.id,
            actorId: ctx.caller.id,
            action: 'issue',
            toStatus: 'pending',
            at: ctx.now,
          })
          return { card: toCardView(card), holder: toHolderView(holder), activationCode } satisfies CardResponses['issue']
        })
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION) return fail('CARD_ALREADY_ISSUED')
        throw error
      }
    },
  }),

  activate: defineAction({
    input: cardSchemas.activate,
    access: 'signedIn',
    async run({ activationCode }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const found = await findCard(tx, eq(cards.activationCodeHash, hashActivationCode(activationCode)))
        if (!found) return fail('ACTIVATION_CODE_INVALID')
        if (found.row.activationUsedAt) {
          // The one who used it retrying (an answer lost on the way) gets their card; to anyone else a used code looks
          // exactly like a wrong one, so guessing codes tells nobody which exist.
          return found.row.userId === ctx.caller.id ? ({ card: found.card, holder: found.holder } satisfies CardWithHolder) : fail('ACTIVATION_CODE_INVALID')
        }
        const next = nextCardStatus(found.row.status, 'activate')
        if (isFailure(next)) return next
        const updated = await changeCardStatus(tx, {
          card: found.row,
          to: next.data,
          action: 'activate',
          actorId: ctx.caller.id,
          at: ctx.now,
          set: { userId: ctx.caller.id, activationUsedAt: ctx.now, activatedAt: ctx.now },
        })
        if (!updated) return fail('ACTIVATION_CODE_INVALID')
        await tx
          .update(users)
          .set({ roles: sql`array_append(${users.roles}, 'holder')` })
          .where(and(eq(users.id, ctx.caller.id), sql`NOT ('holder' = ANY(${users.roles}))`))
        return { card: toCardView(updated), holder: found.holder } satisfies CardWithHolder
      })
    },
  }),

  suspend: adminChange('suspend'),
  reinstate: adminChange('reinstate'),
  revoke: adminChange('revoke'),

  publicKey: defineAction({
    input: cardSchemas.publicKey,
    access: 'public',
    async run(_input, ctx): Promise<CardResponses['publicKey']> {
      return { algorithm: 'Ed25519', publicKey: base64urlnopad.encode(ctx.secrets.cardPublicKey) }
    },
  }),

  bindDevice: defineAction({
    input: cardSchemas.bindDevice,
    access: 'signedIn',
    async run({ cardId, publicKey }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        // The card's row lock orders two bindings of the same card (one live device per card).
        const [locked] = await tx.select({ id: cards.id }).from(cards).where(and(eq(cards.id, cardId), eq(cards.userId, ctx.caller.id))).for('update')
        const found = locked ? await findCard(tx, eq(cards.id, cardId)) : null
        if (!found) return fail('NOT_FOUND', '服务卡不存在')
        const unusable = cardUsable(found.row.status)
        if (unusable) return unusable
        const validUntil = new Date(ctx.now.getTime() + OFFLINE_CREDENTIAL_DAYS * 86_400_000)
        await bindDevice(tx, { cardId, publicKey, userId: ctx.caller.id, at: ctx.now, validUntil })
        const credential = signOfflineCredential(
          { cardId, cardType: found.card.type, holderName: found.holder.name, devicePublicKey: publicKey, validUntil },
          ctx.secrets.signCard,
        )
        return { credential, validUntil: validUntil.toISOString() } satisfies CardResponses['bindDevice']
      })
    },
  }),

  list: defineAction({
    input: cardSchemas.list,
    access: ADMIN,
    async run({ status }, ctx): Promise<CardResponses['list']> {
      return { items: await listCards(ctx.db, { status }) }
    },
  }),
} satisfies ActionTable
