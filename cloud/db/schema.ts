import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  type ExtraConfigColumn,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

export const districts = pgTable('districts', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** 行政区划代码 (GB/T 2260), when the district gives it. */
  code: text('code'),
  createdAt: createdAt(),
})

export const departments = pgTable('departments', {
  id: uuid('id').primaryKey(),
  districtId: uuid('district_id')
    .notNull()
    .references(() => districts.id),
  name: text('name').notNull(),
  /** Stable sort and reference key: the demo's short codes, or one made from the id for departments added in the app. */
  code: text('code').notNull().unique(),
  shortName: text('short_name'),
  /** Receives commissioners' special reports (组织部, 督查室). */
  receivesEscalations: boolean('receives_escalations').notNull().default(false),
  /** A deactivated department keeps its history and gets no new work. */
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  createdAt: createdAt(),
})

export const stations = pgTable('stations', {
  id: uuid('id').primaryKey(),
  districtId: uuid('district_id')
    .notNull()
    .references(() => districts.id),
  name: text('name').notNull(),
  /** 片区 / 镇街: how holders find the station nearest to them without a location. */
  area: text('area').notNull().default(''),
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
  /** A deactivated person's sessions stop at once; their history stays. */
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  createdAt: createdAt(),
})

/** Sign-ins of the HTTP host: a session token names a row here, so logout and deactivation end it at once. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 'wechat' (auth.login), 'desktop' (QR sign-in of the H5 console), 'dev' (demo login). */
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('auth_sessions_user').on(t.userId)],
)

/** A desktop browser waiting to be signed in by a scan from the mini program; used once. */
export const desktopChallenges = pgTable('desktop_challenges', {
  id: uuid('id').primaryKey(),
  /** SHA-256 of the poll key that only the browser knows: a photo of the QR code cannot collect the session. */
  pollKeyHash: text('poll_key_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  approvedBy: uuid('approved_by').references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  /** When the browser collected its session; after that the challenge is spent. */
  collectedAt: timestamp('collected_at', { withTimezone: true }),
})

/** One-time invitations that give a WeChat account its roles (the first administrator's comes from a command). */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    /** SHA-256 of the code: the code is shown once and never stored. */
    codeHash: text('code_hash').notNull().unique(),
    name: text('name').notNull(),
    roles: text('roles').array().notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    /** null: issued by the first-administrator command. */
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    redeemedBy: uuid('redeemed_by').references(() => users.id),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('invitations_created').on(t.createdAt)],
)

/** Append-only record of every change to the district's set-up: who, when, what, before and after. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** null: the first-administrator command. */
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('audit_events_at').on(t.at)],
)

/** Years of the holiday calendar the district has confirmed (the State Council's notice entered or checked). */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  confirmedBy: uuid('confirmed_by').references(() => users.id),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
})

/** The confirmed years' exceptions to Monday–Friday: days off (off = true) and 调休 working days (off = false). */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year),
    off: boolean('off').notNull(),
  },
  (t) => [index('calendar_days_year').on(t.year)],
)

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

/**
 * The phones a card is bound to for its offline code (issue 14), newest last: binding a new device ends the previous
 * one's credential, and the history says which credential was live when an offline code was shown.
 */
export const cardDevices = pgTable(
  'card_devices',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cardId: uuid('card_id')
      .notNull()
      .references(() => cards.id),
    /** base64url of the raw Ed25519 public key. */
    publicKey: text('public_key').notNull(),
    boundBy: uuid('bound_by')
      .notNull()
      .references(() => users.id),
    boundAt: timestamp('bound_at', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('card_devices_one_live').on(t.cardId).where(sql`${t.endedAt} IS NULL`),
    index('card_devices_key').on(t.cardId, t.publicKey),
  ],
)

const at = (name: string) => timestamp(name, { withTimezone: true })
const day = (name: string) => date(name, { mode: 'string' })
const uuids = (name: string) => uuid(name).array().notNull().default(sql`'{}'::uuid[]`)

/** 固定日: a weekly service window of a station that generates sessions ahead. */
export const fixedDays = pgTable(
  'fixed_days',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    weekday: smallint('weekday').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    capacity: integer('capacity').notNull(),
    validFrom: day('valid_from').notNull(),
    validTo: day('valid_to').notNull(),
    departmentIds: uuids('department_ids'),
    staffIds: uuids('staff_ids'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [check('fixed_days_weekday', sql`${t.weekday} BETWEEN 1 AND 7`)],
)

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    fixedDayId: uuid('fixed_day_id').references(() => fixedDays.id),
    kind: text('kind', { enum: ['station', 'finance', 'expert', 'roadshow', 'forum'] }).notNull(),
    status: text('status', { enum: ['scheduled', 'cancelled'] }).notNull(),
    /** The Shanghai calendar day, for listing; the instants below are what times are computed from. */
    date: day('date').notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    departmentIds: uuids('department_ids'),
    staffIds: uuids('staff_ids'),
    cancelReason: text('cancel_reason'),
    cancelledAt: at('cancelled_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // Generating a fixed day's sessions twice creates nothing twice.
    uniqueIndex('sessions_fixed_day_date').on(t.fixedDayId, t.date),
    index('sessions_date').on(t.date, t.startsAt),
    index('sessions_staff').using('gin', t.staffIds),
    check('sessions_window', sql`${t.endsAt} > ${t.startsAt}`),
  ],
)

export const slots = pgTable(
  'slots',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    /** Seats taken; moved only by conditional updates. The CHECK is the backstop against overbooking. */
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    index('slots_session').on(t.sessionId, t.startsAt),
    unique('slots_id_session').on(t.id, t.sessionId),
    check('slots_not_overbooked', sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
  ],
)

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => slots.id),
    /** The slot's session (checked with the slot by bookings_slot_session_fk). */
    sessionId: uuid('session_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    cardId: uuid('card_id')
      .notNull()
      .references(() => cards.id),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => holders.id),
    status: text('status', { enum: ['confirmed', 'cancelled', 'checked_in', 'no_show'] }).notNull(),
    topic: text('topic').notNull(),
    problemText: text('problem_text'),
    idempotencyKey: text('idempotency_key').notNull(),
    /** The slot's interval, copied so overlap checks need no join. */
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    createdAt: at('created_at').notNull(),
    changedAt: at('changed_at'),
  },
  (t) => [
    uniqueIndex('bookings_idempotency').on(t.userId, t.idempotencyKey),
    index('bookings_user_time').on(t.userId, t.startsAt),
    index('bookings_session').on(t.sessionId, t.status),
    // Through the slot, not the session: the check locks only the slot row, which the booking holds already, instead of
    // the session row that every booking of the session shares (key-share locks from many transactions on one row
    // cost PostgreSQL a multixact each; issue 13). It also ensures the session is the slot's own.
    foreignKey({ name: 'bookings_slot_session_fk', columns: [t.slotId, t.sessionId], foreignColumns: [slots.id, slots.sessionId] }),
  ],
)

/** Append-only history of every booking change. */
export const bookingEvents = pgTable(
  'booking_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    at: at('at').notNull(),
  },
  (t) => [index('booking_events_booking').on(t.bookingId, t.at)],
)

/** A holder served at a session (checked-in booking or walk-in): what the visit rating of issue 5 rates. */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    bookingId: uuid('booking_id').references(() => bookings.id),
    cardId: uuid('card_id')
      .notNull()
      .references(() => cards.id),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => holders.id),
    userId: uuid('user_id').references(() => users.id),
    checkedInBy: uuid('checked_in_by')
      .notNull()
      .references(() => users.id),
    checkedInAt: at('checked_in_at').notNull(),
  },
  (t) => [uniqueIndex('visits_once_per_session').on(t.sessionId, t.holderId)],
)

export const homeVisits = pgTable(
  'home_visits',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => holders.id),
    status: text('status', { enum: ['requested', 'scheduled', 'done', 'cancelled'] }).notNull(),
    address: text('address').notNull(),
    topic: text('topic').notNull(),
    problemText: text('problem_text'),
    preferredDates: text('preferred_dates').array().notNull(),
    date: day('date'),
    staffIds: uuids('staff_ids'),
    note: text('note'),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('home_visits_idempotency').on(t.userId, t.idempotencyKey), index('home_visits_status').on(t.status)],
)

/**
 * Every notification the product sends, stored first (DESIGN.md §2 "Notifications"). The sender of the notifications
 * issue delivers what is due; until then rows wait here. `dedupe_key` makes each event notify once.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    template: text('template').notNull(),
    data: jsonb('data').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    notBefore: at('not_before').notNull(),
    /** See src/core/notification/notification.delivery.ts; 'inbox_only' = no subscription grant, 消息中心 only. */
    status: text('status', { enum: ['pending', 'sent', 'failed', 'refused', 'inbox_only', 'cancelled'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When the sender may try again after a transient error (backoff); null means as soon as `not_before`. */
    nextAttemptAt: at('next_attempt_at'),
    lastError: text('last_error'),
    sentAt: at('sent_at'),
    /** Read in the in-app message center, whatever happened to the push. */
    readAt: at('read_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('outbox_due').on(t.status, t.notBefore), index('outbox_inbox').on(t.userId, t.id.desc())],
)

/** One subscribe-message consent the user gave with a tap: WeChat allows one message per grant. */
export const subscriptionGrants = pgTable(
  'subscription_grants',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    template: text('template').notNull(),
    grantedAt: at('granted_at').notNull(),
    /** The message that used this grant; null while unused. */
    outboxId: bigint('outbox_id', { mode: 'number' }).references(() => outbox.id),
    usedAt: at('used_at'),
  },
  (t) => [index('subscription_grants_unused').on(t.userId, t.template, t.id).where(sql`${t.usedAt} IS NULL`)],
)

/**
 * The last problem number given out per year (Shanghai): P2027-000001 starts each year afresh, as paper ledgers do.
 * Taking a number locks the year's row until the submission commits, so numbers are unique and in order.
 */
export const problemCounters = pgTable('problem_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
})

/**
 * Photos uploaded for problems, one row per stored key: who uploaded it (only they may attach it), and once a problem
 * refers to it, when and which. Local keys (`uploads/<uuid>.<ext>`) are recorded by the host's upload route with the
 * size and the type read from the bytes; cloud file ids (`cloud://…`) only when a problem refers to them (the mini
 * program stores those in cloud storage itself), without size or type. Unreferenced local uploads are removed after a
 * day (the `uploads` job).
 */
export const uploads = pgTable(
  'uploads',
  {
    key: text('key').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    /** Bytes stored; null for a cloud file id. */
    size: integer('size'),
    /** The type the bytes were checked to be (what the host serves it as); null for a cloud file id. */
    contentType: text('content_type'),
    createdAt: at('created_at').notNull(),
    referencedAt: at('referenced_at'),
    /** The first problem that referred to it. */
    problemId: uuid('problem_id').references(() => problems.id),
  },
  (t) => [
    // The per-user hourly rate and unreferenced quota, and the cleanup of old unreferenced uploads.
    index('uploads_owner').on(t.ownerId, t.createdAt),
    index('uploads_unreferenced').on(t.createdAt).where(sql`${t.referencedAt} IS NULL`),
  ],
)

/** 诉求台帐: one row per problem, its current state; the timeline below keeps every change. */
/** A ledger index: `leading` filters, newest first, then the remaining filters (of rows where `only` holds). */
function ledgerIndex(name: string, t: LedgerColumns, leading: ExtraConfigColumn[], only?: ExtraConfigColumn) {
  const filters = [t.status, t.category, t.departmentId, t.leaderId, t.overdue, t.escalated].filter((c) => !leading.includes(c) && c !== only)
  const [first, ...rest]: Partial<ExtraConfigColumn>[] = [...leading, t.createdAt.desc(), t.id.desc(), ...filters]
  const built = index(name).on(first, ...rest)
  return only ? built.where(sql`${only}`) : built
}

type LedgerColumns = Record<'id' | 'createdAt' | 'status' | 'category' | 'departmentId' | 'leaderId' | 'overdue' | 'escalated', ExtraConfigColumn>

export const problems = pgTable(
  'problems',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    photos: text('photos').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: ['submitted', 'answered', 'deferred', 'assigned', 'in_progress', 'resolved', 'closed'] }).notNull(),
    source: text('source', { enum: ['holder', 'staff', 'commissioner', 'survey', 'forum'] }).notNull(),
    /** null: raised by the district itself with no enterprise behind it (a survey's finding: the answers are anonymous). */
    holderId: uuid('holder_id').references(() => holders.id),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    bookingId: uuid('booking_id').references(() => bookings.id),
    reply: text('reply'),
    deferralExplanation: text('deferral_explanation'),
    deferralSuggestion: text('deferral_suggestion'),
    nextStepKind: text('next_step_kind', { enum: ['fixedDay', 'homeVisit'] }),
    nextStepDate: day('next_step_date'),
    departmentId: uuid('department_id').references(() => departments.id),
    leaderId: uuid('leader_id').references(() => users.id),
    plan: text('plan'),
    resolution: text('resolution'),
    escalated: boolean('escalated').notNull().default(false),
    overdue: boolean('overdue').notNull().default(false),
    /** Missed deadlines of the current round already recorded, so the overdue job records each once. */
    overdueMarked: text('overdue_marked').array().notNull().default(sql`'{}'::text[]`),
    assignedAt: at('assigned_at'),
    signBy: at('sign_by'),
    resolveBy: at('resolve_by'),
    signedAt: at('signed_at'),
    resolvedAt: at('resolved_at'),
    closedAt: at('closed_at'),
    /** Optimistic concurrency: every change bumps it, and a change naming an older version is refused. */
    version: integer('version').notNull().default(0),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('problems_idempotency').on(t.submittedBy, t.idempotencyKey),
    // Keyset pagination of the ledger (newest first) under every combination of the leader's filters. Each index leads
    // with some filters and the order, then holds the other filters as trailing keys (which never change the order:
    // `id` is unique), so a page is found by walking one index and checking the rest on it, without visiting a row
    // that does not match. The leading keys keep what must be walked small when few rows match: a filter's own rows
    // (a category, a department, a status, a leader, the overdue or escalated ones), a department's status (待签收),
    // a leader's category. Bench, 1,000,000 problems: every one of the 64 combinations under 10 ms in SQL.
    ledgerIndex('problems_ledger', t, []),
    ledgerIndex('problems_status_ledger', t, [t.status]),
    ledgerIndex('problems_category_ledger', t, [t.category]),
    ledgerIndex('problems_department_ledger', t, [t.departmentId]),
    ledgerIndex('problems_department_status_ledger', t, [t.departmentId, t.status]),
    ledgerIndex('problems_leader_ledger', t, [t.leaderId]),
    ledgerIndex('problems_leader_category_ledger', t, [t.leaderId, t.category]),
    ledgerIndex('problems_overdue_ledger', t, [], t.overdue),
    ledgerIndex('problems_escalated_ledger', t, [], t.escalated),
    index('problems_holder').on(t.holderId, t.createdAt.desc()),
    check('problems_holder_unless_survey', sql`${t.holderId} IS NOT NULL OR ${t.source} = 'survey'`),
    // What the overdue job scans: open department rounds by deadline.
    index('problems_open_rounds').on(t.signBy, t.resolveBy).where(sql`${t.status} IN ('assigned', 'in_progress')`),
  ],
)

/** The append-only timeline of every problem: who, when, what, from which state. Nothing is deleted. */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    /** Null for the system (scheduled jobs). */
    actorId: uuid('actor_id').references(() => users.id),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    at: at('at').notNull(),
  },
  (t) => [
    index('problem_events_problem').on(t.problemId, t.id),
    // Report figures and the dashboard: the counted events of a date range, by action. Just (action, at): the rows of
    // a range sit together in the table (appended in time order), and a key with the two uuids was 3.6 times the size
    // for no faster scan (bench: 385 MB against 106 MB over 3.5 million events).
    index('problem_events_action_at').on(t.action, t.at),
  ],
)

/** Which enterprises and projects a commissioner (特派员) looks after. */
export const commissionerAssignments = pgTable(
  'commissioner_assignments',
  {
    commissionerId: uuid('commissioner_id')
      .notNull()
      .references(() => users.id),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => holders.id),
    assignedAt: at('assigned_at').notNull(),
  },
  (t) => [uniqueIndex('commissioner_assignments_pair').on(t.commissionerId, t.holderId), index('commissioner_assignments_holder').on(t.holderId)],
)

/** Contacts a commissioner logs with an assignee (周联系、月走访). */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    commissionerId: uuid('commissioner_id')
      .notNull()
      .references(() => users.id),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => holders.id),
    kind: text('kind', { enum: ['visit', 'call', 'meeting'] }).notNull(),
    at: at('at').notNull(),
    note: text('note').notNull(),
    idempotencyKey: text('idempotency_key'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('contacts_idempotency').on(t.commissionerId, t.idempotencyKey),
    index('contacts_holder').on(t.holderId, t.at.desc()),
  ],
)

/**
 * 好差评: one row per rating. The unique index is the database's own guard of 一次一评/一事一评: one initial rating and
 * at most one follow-up per visit or problem, whatever the code above it does.
 */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey(),
    targetType: text('target_type', { enum: ['visit', 'problem'] }).notNull(),
    targetId: uuid('target_id').notNull(),
    kind: text('kind', { enum: ['initial', 'followUp'] }).notNull(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => holders.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Who is answerable for the service: the problem's department, or the department of the staff who served. */
    departmentId: uuid('department_id').references(() => departments.id),
    staffId: uuid('staff_id').references(() => users.id),
    attitude: smallint('attitude').notNull(),
    quality: smallint('quality').notNull(),
    effectiveness: smallint('effectiveness').notNull(),
    comment: text('comment'),
    bad: boolean('bad').notNull(),
    /** Asia/Shanghai month of the submission, YYYY-MM: what scores and reports group by. */
    month: text('month').notNull(),
    appealStatus: text('appeal_status', { enum: ['none', 'pending', 'upheld', 'removed'] }).notNull().default('none'),
    appealReason: text('appeal_reason'),
    appealedBy: uuid('appealed_by').references(() => users.id),
    appealedAt: at('appealed_at'),
    appealDecisionReason: text('appeal_decision_reason'),
    appealDecidedBy: uuid('appeal_decided_by').references(() => users.id),
    appealDecidedAt: at('appeal_decided_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('ratings_once').on(t.targetType, t.targetId, t.kind),
    index('ratings_month_department').on(t.month, t.departmentId),
    // The dashboard counts ratings of any date range, not only of whole months.
    index('ratings_created').on(t.createdAt),
    index('ratings_user').on(t.userId, t.createdAt.desc()),
    check(
      'ratings_levels',
      sql`${t.attitude} BETWEEN 1 AND 5 AND ${t.quality} BETWEEN 1 AND 5 AND ${t.effectiveness} BETWEEN 1 AND 5`,
    ),
  ],
)

/** 差评整改: the task a bad rating opens for its department, with its two working-day deadlines. */
export const rectifications = pgTable(
  'rectifications',
  {
    ratingId: uuid('rating_id')
      .primaryKey()
      .references(() => ratings.id),
    departmentId: uuid('department_id').references(() => departments.id),
    status: text('status', { enum: ['open', 'visited', 'rectified', 'withdrawn'] }).notNull(),
    returnVisitBy: at('return_visit_by').notNull(),
    rectifyBy: at('rectify_by').notNull(),
    returnVisitNote: text('return_visit_note'),
    returnVisitedAt: at('return_visited_at'),
    returnVisitedBy: uuid('return_visited_by').references(() => users.id),
    rectificationNote: text('rectification_note'),
    rectifiedAt: at('rectified_at'),
    rectifiedBy: uuid('rectified_by').references(() => users.id),
    /** Deadlines already announced as missed, so the reminder job sends each once. */
    dueNotified: text('due_notified').array().notNull().default(sql`'{}'::text[]`),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('rectifications_department').on(t.departmentId, t.status)],
)

/** The append-only history of a rating: submission, return visit, rectification, appeal and its decision. */
export const ratingEvents = pgTable(
  'rating_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ratingId: uuid('rating_id')
      .notNull()
      .references(() => ratings.id),
    actorId: uuid('actor_id').references(() => users.id),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    note: text('note'),
    at: at('at').notNull(),
  },
  (t) => [index('rating_events_rating').on(t.ratingId, t.id)],
)

/**
 * Monthly reports, frozen once generated: the figures are computed on the 1st for the previous month and never
 * recomputed, so what leaders were sent is what the appraisal reads. One row per department and month.
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    month: text('month').notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    figures: jsonb('figures').notNull(),
    generatedAt: at('generated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.departmentId] })],
)

/**
 * Report rollups, kept by database triggers in the transaction of every change they follow (migration
 * 0010_report_rollups: problem_events inserted; a problem's department, round or deadlines changed; a user's department
 * changed), so that the dashboard and the monthly report read a month as ~30 days × departments rows instead of its
 * events joined to the whole problem table. What the figures count is report.figures.queries.ts's; the triggers
 * compute it per problem from its events and current state, the same definitions.
 *
 * `report_contributions`: what each problem adds to each Shanghai day and department (every row's counts are that
 * problem's). Distinct counts (received, overdue, escalated: each problem once per department and range) are rows for
 * the days the problem had such an event, each with `since`, the previous such day of the same problem and department
 * (-infinity for the first): a range [a, b] counts the rows with a day in it and `since` before a — exactly one per
 * problem that had the event in it. Plain counts go in `since = -infinity` rows. No department is the nil uuid, so that
 * the key has no nulls.
 */
const contributionCounts = () => ({
  received: integer('received').notNull().default(0),
  answered: integer('answered').notNull().default(0),
  resolved: integer('resolved').notNull().default(0),
  resolvedOnTime: integer('resolved_on_time').notNull().default(0),
  signed: integer('signed').notNull().default(0),
  signedOnTime: integer('signed_on_time').notNull().default(0),
  overdue: integer('overdue').notNull().default(0),
  escalated: integer('escalated').notNull().default(0),
})

export const reportContributions = pgTable(
  'report_contributions',
  {
    problemId: uuid('problem_id').notNull(),
    day: day('day').notNull(),
    departmentId: uuid('department_id').notNull(),
    since: day('since').notNull(),
    ...contributionCounts(),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.day, t.departmentId, t.since] })],
)

/** The sum of `report_contributions` per day, department and `since`: what the report queries read. */
export const reportDays = pgTable(
  'report_days',
  {
    day: day('day').notNull(),
    departmentId: uuid('department_id').notNull(),
    since: day('since').notNull(),
    ...contributionCounts(),
  },
  (t) => [primaryKey({ columns: [t.day, t.departmentId, t.since] })],
)

/**
 * Signs and resolves of a past round (the problem was reopened or reassigned since, or has no round now): judged
 * against their own round's deadline, recomputed with the working-day calendar as it is when the report is read, so
 * they are listed rather than counted. Rare.
 */
export const reportPastRounds = pgTable(
  'report_past_rounds',
  {
    problemId: uuid('problem_id').notNull(),
    eventId: bigint('event_id', { mode: 'number' }).primaryKey(),
    departmentId: uuid('department_id'),
    action: text('action').notNull(),
    at: at('at').notNull(),
    category: text('category').notNull(),
  },
  (t) => [index('report_past_rounds_problem').on(t.problemId), index('report_past_rounds_at').on(t.at)],
)

/** Problems submitted per Shanghai day and category (the dashboard's 诉求分类). */
export const reportCategories = pgTable(
  'report_categories',
  {
    day: day('day').notNull(),
    category: text('category').notNull(),
    submitted: integer('submitted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.category] })],
)

/** Runs of scheduled jobs that must happen once per period (e.g. the monthly report of 2026-10). */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    period: text('period').notNull(),
    ranAt: at('ran_at').notNull(),
    result: jsonb('result'),
  },
  (t) => [primaryKey({ columns: [t.job, t.period] })],
)

/**
 * Offline actions pushed by station devices (issue 14), one row per action and pusher: pushing it again answers this
 * row's result. Flagged or refused rows are listed for the administrator and the pusher's department.
 */
export const syncActions = pgTable(
  'sync_actions',
  {
    id: uuid('id').primaryKey(),
    pushedBy: uuid('pushed_by')
      .notNull()
      .references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id),
    deviceId: text('device_id').notNull(),
    /** The device's id of the action. */
    clientId: text('client_id').notNull(),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').notNull(),
    ok: boolean('ok').notNull(),
    /** A refusal's error code, or the flag of an action recorded despite it (OFFLINE_REVOKED, OFFLINE_REPLAYED). */
    code: text('code'),
    message: text('message'),
    /** What the action made or changed: the visit, booking or problem. */
    serverId: uuid('server_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('sync_actions_once').on(t.pushedBy, t.clientId),
    index('sync_actions_flagged').on(t.receivedAt).where(sql`${t.code} IS NOT NULL`),
  ],
)

/**
 * 政策直通车 (issue 16): 惠企政策, 政策解读, 办事指南 and 产业动态, written as drafts by administrators and department
 * handlers, published once and withdrawn once (kept and marked, never deleted). `body` is the sanitised HTML;
 * `search_text` the words of title, summary, 文号, issuer and body, searched with ILIKE (a trigram index where the
 * database has pg_trgm).
 */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    /** The publishing department (its handlers manage the policy); null for the administrators'. */
    departmentId: uuid('department_id').references(() => departments.id),
    docNumber: text('doc_number'),
    issuedOn: day('issued_on'),
    effectiveFrom: day('effective_from'),
    effectiveTo: day('effective_to'),
    /** 申报截止. */
    applyBy: day('apply_by'),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    searchText: text('search_text').notNull(),
    /** [{ key, name }]: files stored through the upload path. */
    attachments: jsonb('attachments').notNull().default(sql`'[]'::jsonb`),
    industries: text('industries').array().notNull().default(sql`'{}'::text[]`),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    cardTypes: text('card_types').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: ['draft', 'published', 'withdrawn'] }).notNull(),
    /** The order of lists: when it was created, then when it was published. */
    listedAt: at('listed_at').notNull(),
    publishedAt: at('published_at'),
    withdrawnAt: at('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('policies_listed').on(t.status, t.listedAt.desc(), t.id.desc()),
    index('policies_department').on(t.departmentId, t.listedAt.desc()),
    // Substring search (ILIKE '%…%'); a query shorter than three characters makes PostgreSQL read the whole index,
    // which is still right. The extension is created by the migration before it (PGlite loads its contrib build).
    index('policies_search').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('policies_status_known', sql`${t.status} IN ('draft', 'published', 'withdrawn')`),
  ],
)

/** 企业画像 of 政策直通车: the industries and topics a holder's enterprise set, which policies are matched against. */
export const policyProfiles = pgTable('policy_profiles', {
  holderId: uuid('holder_id')
    .primaryKey()
    .references(() => holders.id),
  industries: text('industries').array().notNull().default(sql`'{}'::text[]`),
  topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: at('updated_at').notNull(),
})

/** The holders a policy matched when it was published (each notified once): its reach's `matched`. */
export const policyAudience = pgTable(
  'policy_audience',
  {
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => holders.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    matchedAt: at('matched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.holderId] })],
)

/** Who opened a policy, first time: its reach's `opened`; a withdrawn policy stays readable to them. */
export const policyOpens = pgTable(
  'policy_opens',
  {
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The holder of the card the reader held then, if any (deadline reminders go to matching holders who opened it). */
    holderId: uuid('holder_id').references(() => holders.id),
    openedAt: at('opened_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.userId] })],
)

/** A question about a policy is a problem of category 政策 (the ledger handles it); this links the two. */
export const policyQuestions = pgTable(
  'policy_questions',
  {
    problemId: uuid('problem_id')
      .primaryKey()
      .references(() => problems.id),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    askedBy: uuid('asked_by')
      .notNull()
      .references(() => users.id),
    askedAt: at('asked_at').notNull(),
  },
  (t) => [index('policy_questions_policy').on(t.policyId, t.askedAt.desc())],
)

/**
 * 企业评判部门: surveys an administrator builds and holders answer. The questionnaire (sections and items) is kept as
 * it was published, in one jsonb value: it is read and written whole, and never queried by its parts.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description'),
    sections: jsonb('sections').notNull(),
    /** Card types narrowing the audience; empty: every type. */
    cardTypes: text('card_types').array().notNull().default(sql`'{}'::text[]`),
    /** Industries (of 政策直通车's holder profiles) narrowing the audience; empty: every industry. */
    industries: text('industries').array().notNull().default(sql`'{}'::text[]`),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    findingThreshold: doublePrecision('finding_threshold').notNull(),
    status: text('status', { enum: ['draft', 'open', 'closed'] }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Shanghai date of closedAt: with closesOn, the day the survey ended, which the reports count by. */
    closedOn: date('closed_on', { mode: 'string' }),
  },
  (t) => [index('surveys_created').on(t.createdAt)],
)

/**
 * Who answered (一企一答: one per holder, whoever of its contacts sends it), for the once-only rule and the list of
 * those who have not. Nothing here leads to the answers.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => holders.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    idempotencyKey: text('idempotency_key').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'survey_responses_once', columns: [t.surveyId, t.holderId] })],
)

/**
 * The answers, anonymous by construction: a sheet is a random id that is stored nowhere else, and no row carries a
 * holder, a user or a time, so no query (a department's or anyone's) can tie an answer to who gave it.
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    sheetId: uuid('sheet_id').notNull(),
    itemId: text('item_id').notNull(),
    level: smallint('level'),
    choices: text('choices').array(),
    text: text('text'),
  },
  (t) => [primaryKey({ columns: [t.sheetId, t.itemId] }), index('survey_answers_survey').on(t.surveyId, t.itemId)],
)

/** A finding turned into a problem (诉求) of the ledger: one per survey item. */
export const surveyProblems = pgTable(
  'survey_problems',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    itemId: text('item_id').notNull(),
    problemId: uuid('problem_id')
      .notNull()
      .unique()
      .references(() => problems.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.itemId] })],
)

/** When an administrator reminded the holders who had not answered (提醒未填写), and how many messages went out. */
export const surveyReminders = pgTable(
  'survey_reminders',
  {
    id: uuid('id').primaryKey(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    sentBy: uuid('sent_by')
      .notNull()
      .references(() => users.id),
    sentAt: at('sent_at').notNull(),
    /** Messages newly stored: a holder reminded earlier the same day is not reminded again. */
    recipients: integer('recipients').notNull(),
  },
  (t) => [index('survey_reminders_survey').on(t.surveyId, t.sentAt)],
)

/**
 * 政企座谈会 / 企业家早餐会: a session of kind 'forum' (one slot of the whole meeting, whose bookings are the sign-ups)
 * with what the holders read about it.
 */
export const forums = pgTable('forums', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => sessions.id),
  format: text('format', { enum: ['symposium', 'breakfast'] }).notNull(),
  title: text('title').notNull(),
  /** The room within the station's premises, e.g. 三楼会议室. */
  venue: text('venue'),
  createdAt: createdAt(),
})

/**
 * A topic (议题) a signed-up holder raises before the meeting. After it, an administrator settles it there (with a note) or
 * turns it into a problem of the ledger (problemId), once.
 */
export const forumTopics = pgTable(
  'forum_topics',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => forums.sessionId),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => holders.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ['submitted', 'settled', 'problem'] }).notNull(),
    note: text('note'),
    problemId: uuid('problem_id')
      .unique()
      .references(() => problems.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: at('decided_at'),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('forum_topics_idempotency').on(t.authorId, t.idempotencyKey),
    index('forum_topics_session').on(t.sessionId, t.createdAt),
    index('forum_topics_holder').on(t.holderId, t.createdAt),
    check('forum_topics_problem', sql`(${t.status} = 'problem') = (${t.problemId} IS NOT NULL)`),
  ],
)
