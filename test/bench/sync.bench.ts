import { randomUUID } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { base64urlnopad } from '@scure/base'
import { Client } from 'pg'
import { ed25519, nobleSigner, noblePublicKey } from '../../src/core/card/card.token.noble'
import { makeOfflineCode, signOfflineCredential } from '../../src/core/card/offline-code'
import { apiClient } from '../support/api'
import { TEST_CARD_KEY, type RunningHost } from '../support/host'

const CARDS = 2000
const BLOCKED = 100
const BOOKINGS = 200
const ACTIONS = 500
const BATCH = 100

/**
 * Issue 14's numbers, on PostgreSQL: the offline kit of a session with 200 bookings in a district of 2,000 cards (100
 * of them suspended or revoked), in KB; then a station device's 500 queued actions (200 offline check-ins by card code,
 * 200 problems recorded for those holders, 100 answered on the spot) pushed in batches of 100, and pushed again (all
 * already done: the idempotent answer). The cards, holders and bookings are written in SQL, as a district would have them.
 */
export async function benchSync(host: RunningHost): Promise<void> {
  const api = apiClient(host.url)
  const admin = await api.login('admin-demo')
  const staff = await api.login('staff-demo')
  const db = new Client({ connectionString: host.env.DATABASE_URL })
  await db.connect()
  try {
    const tag = randomUUID().slice(0, 8)
    const directory = await api.data('stations', 'directory', {}, admin)
    const staffId = directory.staff.find((s: { name: string }) => s.name.includes('王芳')).id
    const { items: stations } = await api.data('stations', 'list', {}, admin)
    const { date: today } = await api.data('stations', 'desk', {}, admin)
    const session = await api.data(
      'stations',
      'createSession',
      { stationId: stations[0].id, kind: 'expert', date: today, start: '08:00', end: '12:00', slotMinutes: 60, capacity: BOOKINGS / 4, staffIds: [staffId] },
      admin,
    )
    const booked = await district(db, tag, session.id, new Date(Date.parse(`${today}T00:00:00+08:00`) - 86_400_000))

    const started = performance.now()
    const kit = await api.data('stations', 'offlineKit', { sessionId: session.id }, staff)
    const kitMs = performance.now() - started
    const json = Buffer.from(JSON.stringify(kit))
    console.log(
      `stations.offlineKit postgres: ${kit.bookings.length} bookings, ${kit.blockedCards.length} blocked cards of ${CARDS}: ` +
        `${(json.length / 1024).toFixed(1)} KB JSON (${(gzipSync(json).length / 1024).toFixed(1)} KB gzipped), ${kitMs.toFixed(0)} ms`,
    )

    const signer = nobleSigner(Buffer.from(TEST_CARD_KEY, 'base64url'))
    const at = new Date(Date.parse(kit.issuedAt) - 60_000)
    const actions = booked.flatMap((card, i) => {
      const credential = signOfflineCredential(
        { cardId: card.cardId, cardType: 'talent', holderName: card.name, devicePublicKey: card.publicKey, validUntil: new Date(at.getTime() + 7 * 86_400_000) },
        signer,
      )
      const qr = makeOfflineCode({ credential, deviceSecretKey: card.secret, now: at, nonce: Uint8Array.from(randomUUID().slice(0, 8), (c) => c.charCodeAt(0)) })
      const submit = { id: randomUUID(), kind: 'problems.submit', at: at.toISOString(), payload: { holderId: card.holderId, category: 'talent', title: '人才公寓申请咨询', description: '现场登记：咨询人才公寓申请条件', idempotencyKey: `bench-${tag}-${i}` } }
      const answer = { id: randomUUID(), kind: 'problems.answer', at: at.toISOString(), payload: { id: submit.id, reply: '已现场解答申请条件', version: 0 } }
      return [{ id: randomUUID(), kind: 'bookings.checkIn', at: at.toISOString(), payload: { sessionId: session.id, qr } }, submit, ...(i % 2 === 0 ? [answer] : [])]
    })
    if (actions.length !== ACTIONS) throw new Error(`expected ${ACTIONS} actions, made ${actions.length}`)

    for (const round of ['first push', 'pushed again']) {
      const began = performance.now()
      let refused = 0
      for (let from = 0; from < actions.length; from += BATCH) {
        const reply = await api.data('sync', 'push', { deviceId: `bench-${tag}`, actions: actions.slice(from, from + BATCH) }, staff)
        refused += reply.results.filter((r: { ok: boolean; code?: string }) => !r.ok || r.code).length
      }
      const ms = performance.now() - began
      console.log(`sync.push     postgres: ${ACTIONS} actions in batches of ${BATCH}, ${round}: ${(ms / 1000).toFixed(2)} s (${(ms / ACTIONS).toFixed(1)} ms an action), refused or flagged ${refused}`)
    }
  } finally {
    await db.end()
  }
}

type BookedCard = { cardId: string; holderId: string; name: string; secret: string; publicKey: string }

/**
 * 2,000 talent cards (100 suspended or revoked), each with a holder and a user; 200 of them booked into the session,
 * their phones bound as cards.bindDevice would have.
 */
async function district(db: Client, tag: string, sessionId: string, activatedAt: Date): Promise<BookedCard[]> {
  const { rows: [issuer] } = await db.query(`SELECT id FROM users WHERE openid = 'dev:admin-demo'`)
  await db.query(
    `WITH n AS (SELECT g, gen_random_uuid() AS holder, gen_random_uuid() AS card, gen_random_uuid() AS usr FROM generate_series(1, $1::int) g),
     h AS (INSERT INTO holders (id, type, name, qualification_basis, qualification_detail, contact_name, contact_phone)
           SELECT holder, 'talent', '高层次人才' || g, 'certified_talent', '人才认定证书', '联系人', '13800000000' FROM n),
     u AS (INSERT INTO users (id, openid, name, roles) SELECT usr, 'bench:' || $2 || ':' || g, '人才' || g, '{holder}' FROM n),
     c AS (INSERT INTO cards (id, number, type, holder_id, status, user_id, activation_code_hash, activation_used_at, issued_by, issued_at, activated_at, updated_at)
           SELECT card, 'S' || $2 || g, 'talent', holder, CASE WHEN g > $1::int - $3::int THEN (CASE WHEN g % 2 = 0 THEN 'revoked' ELSE 'suspended' END) ELSE 'active' END,
                  usr, md5($2 || g), $4, $5, $4, $4, $4 FROM n RETURNING id, status)
     INSERT INTO card_events (card_id, actor_id, action, from_status, to_status, at) SELECT id, $5, 'activate', 'pending', 'active', $4 FROM c`,
    [CARDS, tag, BLOCKED, activatedAt, issuer.id],
  )
  const { rows } = await db.query(
    `SELECT c.id AS card_id, c.holder_id, c.user_id, h.name FROM cards c JOIN holders h ON h.id = c.holder_id
      WHERE c.number LIKE 'S' || $1 || '%' AND c.status = 'active' ORDER BY c.number LIMIT $2`,
    [tag, BOOKINGS],
  )
  const { rows: slots } = await db.query(`SELECT id, starts_at, ends_at, capacity FROM slots WHERE session_id = $1 ORDER BY starts_at`, [sessionId])
  const perSlot = BOOKINGS / slots.length
  await db.query(
    `INSERT INTO bookings (id, slot_id, session_id, user_id, card_id, holder_id, status, topic, idempotency_key, starts_at, ends_at, created_at)
     SELECT gen_random_uuid(), s.id, $1, b.user_id, b.card_id, b.holder_id, 'confirmed', '人才政策咨询', 'bench-' || b.card_id, s.starts_at, s.ends_at, $2
       FROM jsonb_to_recordset($3::jsonb) AS b(card_id uuid, holder_id uuid, user_id uuid, slot int)
       JOIN jsonb_to_recordset($4::jsonb) AS s(id uuid, starts_at timestamptz, ends_at timestamptz, n int) ON s.n = b.slot`,
    [
      sessionId,
      activatedAt,
      JSON.stringify(rows.map((r, i) => ({ card_id: r.card_id, holder_id: r.holder_id, user_id: r.user_id, slot: Math.floor(i / perSlot) }))),
      JSON.stringify(slots.map((s, n) => ({ id: s.id, starts_at: s.starts_at, ends_at: s.ends_at, n }))),
    ],
  )
  await db.query(`UPDATE slots SET booked = capacity WHERE session_id = $1`, [sessionId])
  const booked = rows.map((r) => {
    const secret = ed25519.randomSecretKey()
    return { cardId: r.card_id, holderId: r.holder_id, name: r.name, secret: base64urlnopad.encode(secret), publicKey: base64urlnopad.encode(noblePublicKey(secret)) }
  })
  await db.query(
    `INSERT INTO card_devices (card_id, public_key, bound_by, bound_at, valid_until)
     SELECT d.card_id, d.public_key, c.user_id, c.activated_at, c.activated_at + interval '7 days'
       FROM jsonb_to_recordset($1::jsonb) AS d(card_id uuid, public_key text) JOIN cards c ON c.id = d.card_id`,
    [JSON.stringify(booked.map((b) => ({ card_id: b.cardId, public_key: b.publicKey })))],
  )
  return booked
}
