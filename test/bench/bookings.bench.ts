import { randomUUID } from 'node:crypto'
import dayjs from 'dayjs'
import { Pool } from 'pg'
import { apiClient } from '../support/api'
import { newHolder } from '../support/holders'
import type { RunningHost } from '../support/host'
import { leanClient } from './http-client'
import { fmt, load } from './stats'
import { interleaved, verdict } from './verdict'

const REQUESTS = 1000
const IN_FLIGHT = 200
const SLOTS = 50
const PAIRS = 5

type Run = Awaited<ReturnType<typeof load<{ ok: boolean }>>>

/**
 * `bookings.create` over HTTP against the same work in raw SQL on the same PostgreSQL, side by side: 1,000 bookings
 * by 1,000 holders, 200 in flight, spread over 50 slots of 20 seats (every request gets a seat). The raw side is what
 * a booking must do at least: a conditional seat UPDATE and an INSERT … ON CONFLICT on scratch copies of the product's
 * tables, in one transaction, through a pool as large as the host's. Five interleaved pairs; the ratios are medians.
 * Then one hot 100-seat slot over HTTP, to show exactly-capacity under the same load.
 */
export async function benchBookings(host: RunningHost): Promise<void> {
  const api = apiClient(host.url)
  const admin = await api.login('admin-demo')
  const started = performance.now()
  const holders = (await load(REQUESTS, 20, (i) => newHolder(api, admin, `bench-${host.store}-${i}`))).results
  console.log(`bookings setup: ${REQUESTS} holders issued and activated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const { items } = await api.data('stations', 'list', {}, admin)
  const newSlot = async (date: string, capacity: number): Promise<string> =>
    (await api.data('stations', 'createSession', { stationId: items[0].id, kind: 'expert', date, start: '09:00', end: '10:00', slotMinutes: 60, capacity }, admin)).slots[0].id

  const lean = leanClient(host.url, IN_FLIGHT)
  const pool = new Pool({ connectionString: host.env.DATABASE_URL, max: Number(host.env.DB_POOL_SIZE ?? 20) })
  pool.on('error', (error) => console.error(`raw booking pool: ${error.message}`))
  const raw = await rawBooking(pool)
  const rawRuns: Run[] = []
  const httpRuns: Run[] = []
  try {
    const throughput = await interleaved(
      PAIRS,
      async () => {
        const slotIds = await raw.newSlots(SLOTS, REQUESTS / SLOTS)
        const run = await load(REQUESTS, IN_FLIGHT, (i) => raw.book(i, slotIds[i % SLOTS], `raw-${rawRuns.length}-${i}`))
        rawRuns.push(run)
        return run.perSecond
      },
      async () => {
        const pair = httpRuns.length
        const first = dayjs('2027-03-01').add(pair * SLOTS, 'day')
        const slotIds: string[] = []
        for (let d = 0; d < SLOTS; d++) slotIds.push(await newSlot(first.add(d, 'day').format('YYYY-MM-DD'), REQUESTS / SLOTS))
        const run = await load(REQUESTS, IN_FLIGHT, async (i) => {
          const reply = await lean.call('bookings', 'create', { slotId: slotIds[i % SLOTS], topic: '压测预约', idempotencyKey: `bench-${pair}-${i}-key` }, holders[i])
          return { ok: reply.status === 200 }
        })
        httpRuns.push(run)
        return run.perSecond
      },
    )
    for (const [i, r] of rawRuns.entries()) {
      const h = httpRuns[i]
      console.log(
        `bookings pair ${i + 1}: raw ${r.perSecond.toFixed(0)}/s p99 ${fmt(r.p99)} (${accepted(r)} accepted); ` +
          `HTTP ${h.perSecond.toFixed(0)}/s p50 ${fmt(h.p50)} p99 ${fmt(h.p99)} (${accepted(h)} accepted)`,
      )
    }
    // A run that refused bookings measured refusals, which are cheaper: it fails the bench instead of flattering it.
    if ([...rawRuns, ...httpRuns].some((run) => accepted(run) !== REQUESTS)) throw new Error('bookings bench: a run did not accept every booking')
    const p99Ratios = rawRuns.map((r, i) => httpRuns[i].p99 / r.p99).sort((a, b) => a - b)
    verdict(`bookings.create throughput / raw SQL (${host.store}, ${IN_FLIGHT} in flight)`, throughput.ratio, '>=', 0.5)
    verdict(`bookings.create p99 / raw SQL p99 (${host.store})`, p99Ratios[Math.floor(p99Ratios.length / 2)], '<=', 3)
  } finally {
    await raw.drop()
    await pool.end()
  }

  const hot = await newSlot('2027-12-01', 100)
  const rush = await load(REQUESTS, IN_FLIGHT, async (i) => {
    const reply = await lean.call('bookings', 'create', { slotId: hot, topic: '压测预约', idempotencyKey: `bench-hot-${i}-key` }, holders[i])
    return { ok: reply.status === 200, code: reply.body.error?.code ?? null }
  })
  const full = rush.results.filter((r) => r.code === 'SLOT_FULL').length
  console.log(
    `bookings.create ${host.store}, one hot slot (100 seats): ${REQUESTS} requests, ${IN_FLIGHT} in flight: accepted ${accepted(rush)}, ` +
      `SLOT_FULL ${full}, other ${REQUESTS - accepted(rush) - full}; ${rush.perSecond.toFixed(0)}/s, p50 ${fmt(rush.p50)}, p99 ${fmt(rush.p99)}`,
  )
  lean.close()
}

const accepted = (run: { results: Array<{ ok: boolean }> }) => run.results.filter((r) => r.ok).length

/** The raw-SQL reference: scratch copies of slots and bookings (constraints and indexes, no foreign keys). */
async function rawBooking(pool: Pool) {
  await pool.query(`
    DROP TABLE IF EXISTS bench_raw_bookings, bench_raw_slots;
    CREATE TABLE bench_raw_slots (LIKE slots INCLUDING ALL);
    CREATE TABLE bench_raw_bookings (LIKE bookings INCLUDING ALL);`)
  // The holders' own users and cards, one per request as on the HTTP side (the copied no-overlap constraint applies).
  const { rows: holders } = await pool.query(`SELECT c.user_id, c.id AS card_id, c.holder_id FROM cards c WHERE c.status = 'active' ORDER BY c.number`)
  const { rows: sessionRows } = await pool.query(`SELECT id FROM sessions LIMIT 1`)
  const sessionId = sessionRows[0].id
  let hours = 0
  return {
    /** Slots an hour long each, after every slot made before: a holder's bookings in different runs never overlap. */
    async newSlots(count: number, capacity: number): Promise<string[]> {
      const ids = Array.from({ length: count }, () => randomUUID())
      await pool.query(
        `INSERT INTO bench_raw_slots (id, session_id, starts_at, ends_at, capacity)
         SELECT id, $2, timestamptz '2030-01-01' + make_interval(hours => $4 + n::int), timestamptz '2030-01-01' + make_interval(hours => $4 + n::int + 1), $3
           FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
        [ids, sessionId, capacity, hours],
      )
      hours += count + 1
      return ids
    },
    async book(i: number, slotId: string, key: string): Promise<{ ok: boolean }> {
      const ref = holders[i % holders.length]
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const seat = await client.query(
          'UPDATE bench_raw_slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity RETURNING starts_at, ends_at',
          [slotId],
        )
        if (seat.rowCount !== 1) {
          await client.query('ROLLBACK')
          return { ok: false }
        }
        await client.query(
          `INSERT INTO bench_raw_bookings (id, slot_id, session_id, user_id, card_id, holder_id, status, topic, idempotency_key, starts_at, ends_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'confirmed', '压测预约', $7, $8, $9, now())
           ON CONFLICT (user_id, idempotency_key) DO NOTHING`,
          [randomUUID(), slotId, sessionId, ref.user_id, ref.card_id, ref.holder_id, key, seat.rows[0].starts_at, seat.rows[0].ends_at],
        )
        await client.query('COMMIT')
        return { ok: true }
      } finally {
        client.release()
      }
    },
    async drop() {
      await pool.query('DROP TABLE IF EXISTS bench_raw_bookings, bench_raw_slots')
    },
  }
}
