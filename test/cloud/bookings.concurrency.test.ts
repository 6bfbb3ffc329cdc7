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
})
