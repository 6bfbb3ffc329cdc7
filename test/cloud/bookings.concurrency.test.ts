import { Client } from 'pg'
import { apiClient, type ApiClient } from '../support/api'
import { newHolder } from '../support/holders'
import { startHost, type RunningHost } from '../support/host'
import { describeOnPostgres } from '../support/postgres-suite'

jest.setTimeout(180_000)

const CLOCK_START = '2026-11-23T08:00:00+08:00'
const HOLDERS = 200
const SEATS = 20

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < count; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))))
  return out
}

// Races are real only on a server: PGlite runs one statement at a time. The global setup makes PostgreSQL required in CI.
describeOnPostgres('bookings under concurrency on PostgreSQL', () => {
  let host: RunningHost
  let api: ApiClient
  let db: Client
  let holders: string[]
  let admin: string

  beforeAll(async () => {
    host = await startHost('postgres', { CLOCK_START, RATE_LIMIT_PER_MINUTE: '1000000', DB_POOL_SIZE: '40' })
    api = apiClient(host.url)
    admin = await api.login('admin-demo')
    holders = await inBatches(HOLDERS, 20, (i) => newHolder(api, admin, `racer-${i}`))
    db = new Client({ connectionString: host.env.DATABASE_URL })
    await db.connect()
  })
  afterAll(async () => {
    await db?.end()
    await host?.stop()
  })

  async function session(capacity: number, date = '2026-11-24') {
    const { items } = await api.data('stations', 'list', {}, admin)
    return api.data(
      'stations',
      'createSession',
      { stationId: items[0].id, kind: 'expert', date, start: '09:00', end: '10:00', slotMinutes: 60, capacity },
      admin,
    )
  }

  it(`accepts exactly ${SEATS} of ${HOLDERS} simultaneous requests for a ${SEATS}-seat slot; the database agrees`, async () => {
    const { slots } = await session(SEATS)
    const slotId = slots[0].id
    const replies = await Promise.all(
      holders.map((token, i) => api.call('bookings', 'create', { slotId, topic: '并发预约测试', idempotencyKey: `race-${i}-key` }, token)),
    )
    const accepted = replies.filter((r) => r.status === 200)
    const refused = replies.filter((r) => r.status !== 200)
    expect(accepted).toHaveLength(SEATS)
    expect(refused.every((r) => r.status === 409 && !r.body.ok && r.body.error.code === 'SLOT_FULL')).toBe(true)
    const { rows } = await db.query(
      `SELECT s.booked, s.capacity, (SELECT count(*)::int FROM bookings b WHERE b.slot_id = s.id AND b.status <> 'cancelled') AS held,
              (SELECT count(*)::int FROM outbox o WHERE o.template = 'booking.confirmed' AND o.data->>'bookingId' IN (SELECT b.id::text FROM bookings b WHERE b.slot_id = s.id)) AS confirmations
         FROM slots s WHERE s.id = $1`,
      [slotId],
    )
    expect(rows[0]).toEqual({ booked: SEATS, capacity: SEATS, held: SEATS, confirmations: SEATS })
  })

  it('creates one booking when the same idempotency key arrives twice at the same moment', async () => {
    const { slots } = await session(5, '2026-11-25')
    const token = holders[0]
    const payload = { slotId: slots[0].id, topic: '重复提交测试', idempotencyKey: 'same-moment-key' }
    const [a, b] = await Promise.all([api.call('bookings', 'create', payload, token), api.call('bookings', 'create', payload, token)])
    expect(a.status).toBe(200)
    expect(b.status).toBe(200)
    expect(a.body.ok && b.body.ok && a.body.data.id === b.body.data.id).toBe(true)
    const { rows } = await db.query('SELECT booked FROM slots WHERE id = $1', [slots[0].id])
    expect(rows[0].booked).toBe(1)
  })

  // Issue 13: create takes no lock and writes in one statement; the unique key and the overlap constraint catch retries.
  it('answers ten retries sent at once with one booking, one seat and one message of each kind', async () => {
    const { slots } = await session(5, '2026-11-29')
    const payload = { slotId: slots[0].id, topic: '十次重试', idempotencyKey: 'ten-at-once-key' }
    const replies = await Promise.all(Array.from({ length: 10 }, () => api.call('bookings', 'create', payload, holders[2])))
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200))
    const ids = new Set(replies.map((r) => r.body.ok && r.body.data.id))
    expect(ids.size).toBe(1)
    const { rows } = await db.query(
      `SELECT (SELECT booked FROM slots WHERE id = $1) AS booked,
              (SELECT count(*)::int FROM bookings WHERE slot_id = $1) AS bookings,
              (SELECT array_agg(template ORDER BY template) FROM outbox WHERE data->>'bookingId' = $2) AS messages`,
      [slots[0].id, [...ids][0]],
    )
    expect(rows[0]).toEqual({ booked: 1, bookings: 1, messages: ['booking.confirmed', 'booking.reminder'] })
  })

  it('keeps a holder to one booking at a time when a new booking races a reschedule into the same hour: 20 holders', async () => {
    const RACERS = 20
    const from = await session(RACERS, '2026-12-04')
    const into = await session(RACERS, '2026-12-05')
    const fresh = await session(RACERS, '2026-12-05')
    const racers = holders.slice(60, 60 + RACERS)
    const ids = await Promise.all(
      racers.map(async (token, i) => (await api.data('bookings', 'create', { slotId: from.slots[0].id, topic: '改约与新约', idempotencyKey: `race-move-${i}` }, token)).id as string),
    )
    const pairs = await Promise.all(
      racers.map((token, i) =>
        Promise.all([
          api.call('bookings', 'reschedule', { bookingId: ids[i], slotId: into.slots[0].id }, token),
          api.call('bookings', 'create', { slotId: fresh.slots[0].id, topic: '改约与新约', idempotencyKey: `race-new-${i}` }, token),
        ]),
      ),
    )
    // Each pair as if one after the other: exactly one of the two holds 2026-12-05 09:00, the other is an overlap.
    for (const [move, book] of pairs) {
      expect([move.status, book.status].sort()).toEqual([200, 409])
      expect([move, book].find((r) => r.status === 409)!.body).toMatchObject({ error: { code: 'BOOKING_OVERLAP' } })
    }
    const { rows } = await db.query(
      `SELECT s.booked, (SELECT count(*)::int FROM bookings x WHERE x.slot_id = s.id AND x.status <> 'cancelled') AS held
         FROM slots s WHERE s.id = ANY($1::uuid[])`,
      [[from.slots[0].id, into.slots[0].id, fresh.slots[0].id]],
    )
    for (const row of rows) expect(row.booked).toBe(row.held)
    expect(rows.reduce((sum, row) => sum + row.held, 0)).toBe(RACERS * 1 + pairs.filter(([move]) => move.status !== 200).length)
  })

  it('never lets one holder hold two overlapping bookings, even sent at once', async () => {
    const first = await session(5, '2026-11-26')
    const second = await session(5, '2026-11-26')
    const token = holders[1]
    const replies = await Promise.all([
      api.call('bookings', 'create', { slotId: first.slots[0].id, topic: '并发A', idempotencyKey: 'overlap-a-key' }, token),
      api.call('bookings', 'create', { slotId: second.slots[0].id, topic: '并发B', idempotencyKey: 'overlap-b-key' }, token),
    ])
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409])
    expect(replies.find((r) => r.status === 409)!.body).toMatchObject({ error: { code: 'BOOKING_OVERLAP' } })
  })

  it('keeps seat counts exact while bookings, cancellations and reschedules race', async () => {
    const a = await session(10, '2026-11-27')
    const b = await session(10, '2026-11-28')
    const racers = holders.slice(20, 60)
    const booked = await Promise.all(
      racers.map((token, i) => api.call('bookings', 'create', { slotId: a.slots[0].id, topic: '混合并发', idempotencyKey: `mixed-${i}-key` }, token)),
    )
    const ok = booked.map((r, i) => ({ reply: r, token: racers[i] })).filter((x) => x.reply.status === 200)
    expect(ok).toHaveLength(10)
    await Promise.all(
      ok.map(({ reply, token }, i) =>
        i % 2 === 0
          ? api.call('bookings', 'cancel', { bookingId: (reply.body as { data: { id: string } }).data.id }, token)
          : api.call('bookings', 'reschedule', { bookingId: (reply.body as { data: { id: string } }).data.id, slotId: b.slots[0].id }, token),
      ),
    )
    const { rows } = await db.query(
      `SELECT s.id, s.booked, (SELECT count(*)::int FROM bookings x WHERE x.slot_id = s.id AND x.status <> 'cancelled') AS held
         FROM slots s WHERE s.id = ANY($1::uuid[])`,
      [[a.slots[0].id, b.slots[0].id]],
    )
    for (const row of rows) expect(row.booked).toBe(row.held)
    expect(rows.find((r) => r.id === a.slots[0].id).booked).toBe(0)
    expect(rows.find((r) => r.id === b.slots[0].id).booked).toBe(5)
  })

  // Issue 12, finding 2: reschedule locked the user then the booking, cancel the booking then (through its event's
  // foreign key) the user, so the same booking cancelled and rescheduled at once deadlocked: 39 of 50 pairs got a 500.
  it('cancels and reschedules the same booking at once without a deadlock: 50 pairs, one serial outcome each', async () => {
    const PAIRS = 50
    const from = await session(PAIRS, '2026-11-30')
    const to = await session(PAIRS, '2026-12-01')
    const racers = holders.slice(100, 100 + PAIRS)
    const bookingIds = await Promise.all(
      racers.map(async (token, i) => (await api.data('bookings', 'create', { slotId: from.slots[0].id, topic: '取消改约并发', idempotencyKey: `pair-${i}-key` }, token)).id as string),
    )
    const pairs = await Promise.all(
      racers.map((token, i) =>
        Promise.all([
          api.call('bookings', 'cancel', { bookingId: bookingIds[i] }, token),
          api.call('bookings', 'reschedule', { bookingId: bookingIds[i], slotId: to.slots[0].id }, token),
        ]),
      ),
    )
    const statuses = pairs.flat().map((r) => r.status)
    const count = (status: number) => statuses.filter((s) => s === status).length
    // Printed so a failure shows the whole picture, not the first pair.
    const tally = { pairs: PAIRS, cancel200: pairs.filter(([c]) => c.status === 200).length, reschedule200: pairs.filter(([, r]) => r.status === 200).length, status500: count(500) }
    process.stdout.write(`cancel+reschedule pairs: ${JSON.stringify(tally)}\n`)
    expect(tally).toMatchObject({ status500: 0, cancel200: PAIRS })
    for (const [i, [cancel, reschedule]] of pairs.entries()) {
      // Either order, as if one after the other: reschedule then cancel (both succeed, cancelled on the new slot), or
      // cancel then reschedule (refused: a cancelled booking cannot move).
      const { rows: events } = await db.query('SELECT action FROM booking_events WHERE booking_id = $1 ORDER BY id', [bookingIds[i]])
      const { rows: booking } = await db.query('SELECT status, slot_id FROM bookings WHERE id = $1', [bookingIds[i]])
      expect(cancel.body).toMatchObject({ ok: true, data: { status: 'cancelled' } })
      if (reschedule.status === 200) {
        expect(cancel.body.ok && cancel.body.data.slotId).toBe(to.slots[0].id)
        expect(events.map((e) => e.action)).toEqual(['create', 'reschedule', 'cancel'])
        expect(booking[0]).toEqual({ status: 'cancelled', slot_id: to.slots[0].id })
      } else {
        expect(reschedule).toMatchObject({ status: 409, body: { ok: false, error: { code: 'INVALID_TRANSITION' } } })
        expect(cancel.body.ok && cancel.body.data.slotId).toBe(from.slots[0].id)
        expect(events.map((e) => e.action)).toEqual(['create', 'cancel'])
        expect(booking[0]).toEqual({ status: 'cancelled', slot_id: from.slots[0].id })
      }
    }
    const { rows } = await db.query(
      `SELECT s.id, s.booked, (SELECT count(*)::int FROM bookings x WHERE x.slot_id = s.id AND x.status <> 'cancelled') AS held
         FROM slots s WHERE s.id = ANY($1::uuid[])`,
      [[from.slots[0].id, to.slots[0].id]],
    )
    expect(rows.map((r) => ({ booked: r.booked, held: r.held }))).toEqual([{ booked: 0, held: 0 }, { booked: 0, held: 0 }])
  })

  it('cancels a whole session while its holders cancel and reschedule, without a deadlock', async () => {
    const HOLDERS_IN = 30
    const doomed = await session(HOLDERS_IN, '2026-12-02')
    const refuge = await session(HOLDERS_IN, '2026-12-03')
    const racers = holders.slice(150, 150 + HOLDERS_IN)
    const bookingIds = await Promise.all(
      racers.map(async (token, i) => (await api.data('bookings', 'create', { slotId: doomed.slots[0].id, topic: '场次取消并发', idempotencyKey: `doomed-${i}-key` }, token)).id as string),
    )
    const [cancelled, ...moves] = await Promise.all([
      api.call('stations', 'cancelSession', { sessionId: doomed.id, reason: '场地临时检修' }, admin),
      ...racers.map((token, i) =>
        i % 2 === 0
          ? api.call('bookings', 'cancel', { bookingId: bookingIds[i] }, token)
          : api.call('bookings', 'reschedule', { bookingId: bookingIds[i], slotId: refuge.slots[0].id }, token),
      ),
    ])
    const statuses = [cancelled, ...moves].map((r) => r.status)
    expect({ status500: statuses.filter((s) => s === 500).length, cancelSession: cancelled.status }).toEqual({ status500: 0, cancelSession: 200 })
    for (const reply of moves) if (reply.status !== 200) expect(reply.status).toBe(409)
    const { rows } = await db.query(
      `SELECT s.id, s.booked, (SELECT count(*)::int FROM bookings x WHERE x.slot_id = s.id AND x.status <> 'cancelled') AS held
         FROM slots s WHERE s.id = ANY($1::uuid[])`,
      [[doomed.slots[0].id, refuge.slots[0].id]],
    )
    for (const row of rows) expect(row.booked).toBe(row.held)
    expect(rows.find((r) => r.id === doomed.slots[0].id).booked).toBe(0)
    // Moved away before the cancellation: still confirmed on the refuge slot, one per successful reschedule.
    expect(rows.find((r) => r.id === refuge.slots[0].id).booked).toBe(moves.filter((r, i) => i % 2 === 1 && r.status === 200).length)
  })
})
