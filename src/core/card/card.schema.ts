import * as z from 'zod'
import { empty, id, line, noControlCharacters, text } from '../common/zod'
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from '../credit-code/credit-code'
import { CARD_LIMITS as L } from './card.limits'
import { CARD_STATUSES, type CardStatus } from './card.machine'
import { ALL_QUALIFICATION_BASES, basisFits, HOLDER_TYPES, type HolderType } from './qualification'

/**
 * base64url of exactly 32 bytes in its one canonical spelling: the 43rd character carries the last 4 bits and two zero
 * bits, so its value is a multiple of 4. A regular expression, not a decoder, to keep this schema light.
 */
const rawKey = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/

const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号或带区号的固定电话')

const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code)
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem] })
  })

export const holderInput = z
  .strictObject({
    type: z.enum(HOLDER_TYPES),
    name: line(L.holderName.max, L.holderName.min),
    creditCode: creditCode.optional(),
    qualification: z.strictObject({
      basis: z.enum(ALL_QUALIFICATION_BASES),
      detail: text(L.qualificationDetail.max, L.qualificationDetail.min),
    }),
    contact: z.strictObject({ name: line(L.contactName.max, L.contactName.min), phone }),
  })
  .superRefine((holder, ctx) => {
    if (holder.type === 'enterprise' && !holder.creditCode) {
      ctx.addIssue({ code: 'custom', path: ['creditCode'], message: '企业卡须填写统一社会信用代码' })
    }
    if (!basisFits(holder.type, holder.qualification.basis)) {
      ctx.addIssue({ code: 'custom', path: ['qualification', 'basis'], message: '认定依据与卡片类型不符' })
    }
  })

export type HolderInput = z.infer<typeof holderInput>

const cardChange = z.strictObject({ cardId: id, reason: text(L.changeReason.max).optional() })

export const cardSchemas = {
  mine: empty,
  token: z.strictObject({ cardId: id }),
  verify: z.strictObject({ qr: z.string().max(512).superRefine(noControlCharacters) }),
  issue: z.strictObject({ holder: holderInput }),
  activate: z.strictObject({
    activationCode: z
      .string()
      .trim()
      .toUpperCase()
      .transform((code) => code.replace(/[\s-]/g, ''))
      .pipe(z.string().regex(/^[A-Z0-9]{12}$/, '激活码为12位字母或数字')),
  }),
  suspend: cardChange,
  reinstate: cardChange,
  revoke: cardChange,
  publicKey: empty,
  list: z.strictObject({ status: z.enum(CARD_STATUSES).optional() }),
  /** The holder's phone and its Ed25519 public key (raw 32 bytes, base64url) for the offline code (issue 14). */
  bindDevice: z.strictObject({ cardId: id, publicKey: z.string().regex(rawKey, '设备密钥不正确，请重新打开服务卡') }),
}

export interface HolderView {
  id: string
  type: HolderType
  name: string
  creditCode: string | null
  qualification: { basis: string; detail: string }
  contact: { name: string; phone: string }
}

export interface CardView {
  id: string
  /** Printed card number: type letter, issue year, sequence, e.g. E2026000007. */
  number: string
  type: HolderType
  status: CardStatus
  holderId: string
  issuedAt: string
  activatedAt: string | null
}

export interface CardWithHolder {
  card: CardView
  holder: HolderView
}

/** Response shapes of the cards area (times as ISO 8601 strings). */
export interface CardResponses {
  mine: { items: CardWithHolder[] }
  token: { qr: string; expiresAt: string; refreshAfter: string }
  verify: CardWithHolder & { verifiedAt: string }
  issue: CardWithHolder & { activationCode: string }
  activate: CardWithHolder
  suspend: CardWithHolder
  reinstate: CardWithHolder
  revoke: CardWithHolder
  publicKey: { algorithm: 'Ed25519'; publicKey: string }
  list: { items: CardWithHolder[] }
  /** The offline credential (see offline-code.ts) and when it expires. */
  bindDevice: { credential: string; validUntil: string }
}
