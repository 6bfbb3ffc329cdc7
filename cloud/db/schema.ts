import { sql } from 'drizzle-orm'
import {
  bigserial,
  check,
  doublePrecision,
  index,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

export const districts = pgTable('districts', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
})

export const departments = pgTable('departments', {
  id: uuid('id').primaryKey(),
  districtId: uuid('district_id')
    .notNull()
    .references(() => districts.id),
  name: text('name').notNull(),
  code: text('code').notNull().unique(),
  createdAt: createdAt(),
})

export const stations = pgTable('stations', {
  id: uuid('id').primaryKey(),
  districtId: uuid('district_id')
    .notNull()
    .references(() => districts.id),
  name: text('name').notNull(),
  address: text('address').notNull(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  phone: text('phone').notNull(),
  createdAt: createdAt(),
})

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  /** WeChat OPENID in the cloud; `dev:<userKey>` for local dev login. */
  openid: text('openid').notNull().unique(),
  name: text('name').notNull(),
  roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
  departmentId: uuid('department_id').references(() => departments.id),
  createdAt: createdAt(),
})

export const holders = pgTable(
  'holders',
  {
    id: uuid('id').primaryKey(),
    type: text('type', { enum: ['enterprise', 'project', 'talent'] }).notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code').unique(),
    qualificationBasis: text('qualification_basis').notNull(),
    qualificationDetail: text('qualification_detail').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('holders_enterprise_has_code', sql`${t.type} <> 'enterprise' OR ${t.creditCode} IS NOT NULL`)],
)

export const cardNumberSeq = pgSequence('card_number_seq', { startWith: 1 })

export const cards = pgTable(
  'cards',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    type: text('type', { enum: ['enterprise', 'project', 'talent'] }).notNull(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => holders.id),
    status: text('status', { enum: ['pending', 'active', 'suspended', 'revoked'] }).notNull(),
    /** The user (holder's contact) who activated the card; null until activation. */
    userId: uuid('user_id').references(() => users.id),
    /** SHA-256 of the one-time activation code: the code itself is shown once to the admin and never stored. */
    activationCodeHash: text('activation_code_hash').notNull().unique(),
    activationUsedAt: timestamp('activation_used_at', { withTimezone: true }),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One live card per holder; a revoked card may be followed by a new one.
    uniqueIndex('cards_one_live_per_holder').on(t.holderId).where(sql`${t.status} <> 'revoked'`),
    index('cards_user').on(t.userId),
    check('cards_status_known', sql`${t.status} IN ('pending', 'active', 'suspended', 'revoked')`),
  ],
)

/** Append-only history of every card change. */
export const cardEvents = pgTable(
  'card_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cardId: uuid('card_id')
      .notNull()
      .references(() => cards.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('card_events_card').on(t.cardId, t.at)],
)

/** Every successful scan at a station. The unique nonce is what makes a replayed QR code fail. */
export const cardVerifications = pgTable(
  'card_verifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cardId: uuid('card_id')
      .notNull()
      .references(() => cards.id),
    nonce: text('nonce').notNull(),
    verifiedBy: uuid('verified_by')
      .notNull()
      .references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('card_verifications_nonce').on(t.cardId, t.nonce)],
)
