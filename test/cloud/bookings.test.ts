import { apiClient, type ApiClient } from '../support/api'
import { newHolder } from '../support/holders'
import { startHost, storesUnderTest, type RunningHost } from '../support/host'

jest.setTimeout(120_000)

// Monday 28 September 2026, 08:00 in Shanghai: the National Day holiday (1–7 October) is three days away.
const CLOCK_START = '2026-09-28T08:00:00+08:00'
const TODAY = '2026-09-28'
const TOMORROW = '2026-09-29'

type Slot = { id: string; start: string; end: string; capacity: number; booked: number }

describe.each(storesUnderTest())('stations and bookings through the host on %s', (store) => {
  let host: RunningHost
  let api: ApiClient
  const t: Record<string, string> = {}
  let stationId: string
  let today: { id: string; slots: Slot[] }
  let tomorrow: { id: string; slots: Slot[] }
  let unrostered: { id: string }
  let key = 0
  const idem = () => `test-key-${store}-${++key}`

  beforeAll(async () => {
    host = await startHost(store, { CLOCK_START, RATE_LIMIT_PER_MINUTE: '100000' })
    api = apiClient(host.url)
    for (const user of ['holder-demo', 'holder-other', 'staff-demo', 'admin-demo', 'leader-demo']) t[user] = await api.login(user)
    t.third = await newHolder(api, t['admin-demo'], `third-${store}`)
    t.fourth = await newHolder(api, t['admin-demo'], `fourth-${store}`)
  })
  afterAll(() => host?.stop())

  const slotsOf = async (sessionId: string): Promise<Slot[]> => {
    const { items } = await api.data('stations', 'sessions', { from: TODAY, to: TOMORROW }, t['holder-demo'])
    return items.find((s: { id: string }) => s.id === sessionId).slots
  }
  const code = (reply: { body: unknown }) => (reply.body as { error?: { code: string } }).error?.code

  it('lets the admin create a station and a fixed day that skips the National Day holiday', async () => {
    const station = await api.data(
      'stations',
      'save',
      { name: '孙家疃街道流动站', area: '孙家疃街道', address: '威海市环翠区孙家疃街道办事处', latitude: 37.53, longitude: 122.15, contactPhone: '0631-5200000' },
      t['admin-demo'],
    )
    stationId = station.id
    const { items: staff } = { items: (await api.data('stations', 'directory', {}, t['admin-demo'])).staff }
    const staffDemo = staff.find((s: { name: string }) => s.name.includes('王芳'))
    const fixed = await api.data(
      'stations',
      'addFixedDay',
      { stationId, weekday: 4, start: '09:00', end: '11:00', slotMinutes: 30, capacity: 3, validFrom: TODAY, validTo: '2026-12-31', staffIds: [staffDemo.id] },
      t['admin-demo'],
    )
    const dates = fixed.sessions.map((s: { date: string }) => s.date)
    expect(dates).not.toContain('2026-10-01')
    expect(dates[0]).toBe('2026-10-08')
    expect(dates).toHaveLength(7)
    expect(fixed.sessions[0].slots).toHaveLength(4)
    expect(fixed.sessions[0].slots[0].start).toBe('2026-10-08T01:00:00.000Z')

    const staffIds = [staffDemo.id]
    today = await api.data('stations', 'createSession', { stationId, kind: 'expert', date: TODAY, start: '09:00', end: '10:00', slotMinutes: 30, capacity: 2, staffIds }, t['admin-demo'])
    tomorrow = await api.data('stations', 'createSession', { stationId, kind: 'finance', date: TOMORROW, start: '14:00', end: '15:00', slotMinutes: 30, capacity: 2, staffIds }, t['admin-demo'])
    unrostered = await api.data('stations', 'createSession', { stationId, kind: 'roadshow', date: TODAY, start: '09:00', end: '10:00', slotMinutes: 60, capacity: 10 }, t['admin-demo'])
    expect(today.slots.map((s) => s.booked)).toEqual([0, 0])
    expect(code(await api.call('stations', 'createSession', { stationId, kind: 'expert', date: TODAY, start: '09:00', end: '10:00', slotMinutes: 30, capacity: 2 }, t['holder-demo']))).toBe('FORBIDDEN')
    expect(code(await api.call('stations', 'createSession', { stationId, kind: 'expert', date: '2026-09-27', start: '09:00', end: '10:00', slotMinutes: 30, capacity: 2 }, t['admin-demo']))).toBe('DATE_IN_PAST')
  })

  it('books a slot once per idempotency key, refuses overlaps and a full slot', async () => {
    const slot = tomorrow.slots[0]
    const key1 = idem()
    const booking = await api.data('bookings', 'create', { slotId: slot.id, topic: '咨询融资担保', idempotencyKey: key1 }, t['holder-demo'])
    expect(booking).toMatchObject({ status: 'confirmed', slotId: slot.id, place: { stationName: '孙家疃街道流动站', kind: 'finance' } })
    const again = await api.data('bookings', 'create', { slotId: slot.id, topic: '咨询融资担保', idempotencyKey: key1 }, t['holder-demo'])
    expect(again.id).toBe(booking.id)
    expect(code(await api.call('bookings', 'create', { slotId: slot.id, topic: '再约一次', idempotencyKey: idem() }, t['holder-demo']))).toBe('BOOKING_OVERLAP')
    await api.data('bookings', 'create', { slotId: slot.id, topic: '用工咨询', idempotencyKey: idem() }, t['holder-other'])
    expect(code(await api.call('bookings', 'create', { slotId: slot.id, topic: '环评咨询', idempotencyKey: idem() }, t.third))).toBe('SLOT_FULL')
    expect((await slotsOf(tomorrow.id))[0].booked).toBe(2)
    expect(code(await api.call('bookings', 'create', { slotId: slot.id, topic: '环评咨询', idempotencyKey: idem() }, t['staff-demo']))).toBe('FORBIDDEN')
    const noCard = await api.login(`no-card-${store}`)
    expect(code(await api.call('bookings', 'create', { slotId: slot.id, topic: '环评咨询', idempotencyKey: idem() }, noCard))).toBe('FORBIDDEN')
  })

  it('shows each holder only their own bookings and keeps others out of them', async () => {
    const mine = await api.data('bookings', 'mine', {}, t['holder-demo'])
    const theirs = await api.data('bookings', 'mine', {}, t['holder-other'])
    expect(mine.items).toHaveLength(1)
    expect(theirs.items).toHaveLength(1)
    expect(code(await api.call('bookings', 'cancel', { bookingId: mine.items[0].id }, t['holder-other']))).toBe('NOT_FOUND')
    expect(code(await api.call('bookings', 'reschedule', { bookingId: mine.items[0].id, slotId: tomorrow.slots[1].id }, t['holder-other']))).toBe('NOT_FOUND')
  })

  it('reschedules atomically: a full target keeps the old seat, a free one moves it', async () => {
    const [booking] = (await api.data('bookings', 'mine', {}, t['holder-demo'])).items
    await api.data('bookings', 'create', { slotId: tomorrow.slots[1].id, topic: '政策咨询', idempotencyKey: idem() }, t.third)
    await api.data('bookings', 'create', { slotId: tomorrow.slots[1].id, topic: '人才政策', idempotencyKey: idem() }, t.fourth)
    expect(code(await api.call('bookings', 'reschedule', { bookingId: booking.id, slotId: tomorrow.slots[1].id }, t['holder-demo']))).toBe('SLOT_FULL')
    expect((await slotsOf(tomorrow.id)).map((s) => s.booked)).toEqual([2, 2])
    const [unchanged] = (await api.data('bookings', 'mine', {}, t['holder-demo'])).items
    expect(unchanged).toMatchObject({ slotId: booking.slotId, status: 'confirmed' })

    const moved = await api.data('bookings', 'reschedule', { bookingId: booking.id, slotId: today.slots[1].id }, t['holder-demo'])
    expect(moved).toMatchObject({ slotId: today.slots[1].id, status: 'confirmed', place: { kind: 'expert' } })
    expect((await slotsOf(tomorrow.id)).map((s) => s.booked)).toEqual([1, 2])
    expect((await slotsOf(today.id)).map((s) => s.booked)).toEqual([0, 1])
  })

  it('frees the seat on cancel, but not inside the minimum notice', async () => {
    const [booking] = (await api.data('bookings', 'mine', {}, t['holder-other'])).items
    const cancelled = await api.data('bookings', 'cancel', { bookingId: booking.id }, t['holder-other'])
    expect(cancelled.status).toBe('cancelled')
    expect((await slotsOf(tomorrow.id))[0].booked).toBe(0)
    expect(code(await api.call('bookings', 'cancel', { bookingId: booking.id }, t['holder-other']))).toBe('INVALID_TRANSITION')

    // Today's 09:30 slot starts within two hours of 08:00.
    const [soon] = (await api.data('bookings', 'mine', {}, t['holder-demo'])).items
    const late = await api.call('bookings', 'cancel', { bookingId: soon.id }, t['holder-demo'])
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'TOO_LATE_TO_CHANGE' } } })
    expect(code(await api.call('bookings', 'reschedule', { bookingId: soon.id, slotId: tomorrow.slots[0].id }, t['holder-demo']))).toBe('TOO_LATE_TO_CHANGE')
  })

  it('checks holders in by card scan at a rostered session: a booking, a walk-in, a replay', async () => {
    const cardOf = async (token: string) => (await api.data('cards', 'mine', {}, token)).items[0].card.id
    const qrOf = async (token: string) => (await api.data('cards', 'token', { cardId: await cardOf(token) }, token)).qr
    const qr = await qrOf(t['holder-demo'])
    expect(code(await api.call('bookings', 'checkIn', { sessionId: unrostered.id, qr }, t['staff-demo']))).toBe('FORBIDDEN')
    const visit = await api.data('bookings', 'checkIn', { sessionId: today.id, qr }, t['staff-demo'])
    expect(visit).toMatchObject({ visit: { walkIn: false }, booking: { status: 'checked_in' }, holder: { name: '威海海川科技有限公司' }, alreadyCheckedIn: false })
    expect(visit.holder.contact.phone).toContain('****')
    expect(code(await api.call('bookings', 'checkIn', { sessionId: today.id, qr }, t['staff-demo']))).toBe('TOKEN_REPLAYED')
    // A fresh code of someone already checked in: the same visit, and the desk is told (issue 15, defect 12).
    const again = await api.data('bookings', 'checkIn', { sessionId: today.id, qr: await qrOf(t['holder-demo']) }, t['staff-demo'])
    expect(again).toMatchObject({ visit: { id: visit.visit.id }, booking: { status: 'checked_in' }, alreadyCheckedIn: true })

    const walkIn = await api.data('bookings', 'checkIn', { sessionId: today.id, qr: await qrOf(t['holder-other']) }, t['staff-demo'])
    expect(walkIn).toMatchObject({ visit: { walkIn: true }, booking: null })

    const roster = await api.data('bookings', 'roster', { sessionId: today.id }, t['staff-demo'])
    expect(roster.bookings.map((b: { status: string }) => b.status)).toEqual(['checked_in'])
    expect(roster.visits).toHaveLength(2)
    expect(code(await api.call('bookings', 'roster', { sessionId: today.id }, t['holder-demo']))).toBe('FORBIDDEN')
    expect(code(await api.call('bookings', 'markNoShow', { bookingId: roster.bookings[0].id }, t['staff-demo']))).toBe('INVALID_TRANSITION')
  })

  it('before the check-in window opens, pasted garbage is an invalid code and a real one is refused unspent', async () => {
    const cardId = (await api.data('cards', 'mine', {}, t['holder-other'])).items[0].card.id
    const qr = (await api.data('cards', 'token', { cardId }, t['holder-other'])).qr
    for (const garbage of ['hello', 'LDZ1.not-a-token', '{"cardId":"x"}']) {
      expect(code(await api.call('bookings', 'checkIn', { sessionId: tomorrow.id, qr: garbage }, t['staff-demo']))).toBe('TOKEN_INVALID')
    }
    expect(code(await api.call('bookings', 'checkIn', { sessionId: tomorrow.id, qr }, t['staff-demo']))).toBe('CHECK_IN_CLOSED')
    expect((await api.call('cards', 'verify', { qr }, t['staff-demo'])).status).toBe(200)
  })

  it('leaves the card unspent when a check-in is refused after the scan: a refusal rolls back what it wrote', async () => {
    // A staff member who also holds a card may not check their own booking in. The refusal comes after the scan spent
    // the token, and before issue 12's fix the spent token stayed: the holder's code was a replay at the next desk.
    const admin = t['admin-demo']
    const userKey = `staff-holder-${store}`
    const me = (await api.data('auth', 'me', {}, await newHolder(api, admin, userKey))).user
    const { departments } = await api.data('stations', 'directory', {}, admin)
    await api.data('org', 'setRoles', { userId: me.id, roles: ['staff'], departmentId: departments[0].id }, admin)
    const token = await api.login(userKey)
    const own = await api.data('stations', 'createSession', { stationId, kind: 'expert', date: TODAY, start: '09:00', end: '10:00', slotMinutes: 60, capacity: 2, staffIds: [me.id] }, admin)
    await api.data('bookings', 'create', { slotId: own.slots[0].id, topic: '本人预约', idempotencyKey: idem() }, token)
    const cardId = (await api.data('cards', 'mine', {}, token)).items[0].card.id
    const qr = (await api.data('cards', 'token', { cardId }, token)).qr
    expect(code(await api.call('bookings', 'checkIn', { sessionId: own.id, qr }, token))).toBe('FORBIDDEN')
    expect((await api.data('bookings', 'roster', { sessionId: own.id }, admin)).visits).toEqual([])
    expect((await api.call('cards', 'verify', { qr }, t['staff-demo'])).status).toBe(200)
  })

  it('lists the desk of the rostered staff member', async () => {
    const desk = await api.data('stations', 'desk', {}, t['staff-demo'])
    expect(desk.date).toBe(TODAY)
    expect(desk.items.map((s: { id: string }) => s.id)).toContain(today.id)
    expect(desk.items.map((s: { id: string }) => s.id)).not.toContain(unrostered.id)
    expect(code(await api.call('stations', 'desk', {}, t['holder-demo']))).toBe('FORBIDDEN')
  })

  it('refuses a no-show before the session ended', async () => {
    const booking = await api.data('bookings', 'create', { slotId: tomorrow.slots[0].id, topic: '项目立项咨询', idempotencyKey: idem() }, t['holder-other'])
    expect(code(await api.call('bookings', 'markNoShow', { bookingId: booking.id }, t['staff-demo']))).toBe('SESSION_NOT_ENDED')
  })

  it('cancels a session: its bookings are cancelled, seats freed, and people notified', async () => {
    const cancelled = await api.data('stations', 'cancelSession', { sessionId: tomorrow.id, reason: '场地临时调整' }, t['admin-demo'])
    expect(cancelled).toMatchObject({ status: 'cancelled', notifiedBookings: 3 })
    expect((await slotsOf(tomorrow.id)).map((s) => s.booked)).toEqual([0, 0])
    const mine = await api.data('bookings', 'mine', {}, t['holder-other'])
    expect(mine.items.every((b: { status: string }) => b.status === 'cancelled')).toBe(true)
    expect(code(await api.call('bookings', 'create', { slotId: tomorrow.slots[0].id, topic: '再约', idempotencyKey: idem() }, t['holder-other']))).toBe('SESSION_CANCELLED')
    expect(code(await api.call('stations', 'cancelSession', { sessionId: tomorrow.id, reason: '重复取消' }, t['admin-demo']))).toBe('SESSION_CANCELLED')
  })

  it('takes a home-visit request, lets staff schedule it and shows it to the holder', async () => {
    const request = await api.data(
      'bookings',
      'requestHomeVisit',
      { address: '威海市环翠区海滨北路88号', topic: '厂房扩建规划咨询', preferredDates: ['2026-10-09', '2026-10-12'], idempotencyKey: idem() },
      t['holder-demo'],
    )
    expect(request.status).toBe('requested')
    expect(code(await api.call('bookings', 'requestHomeVisit', { address: '威海市环翠区海滨北路88号', topic: '咨询', preferredDates: ['2026-09-01'], idempotencyKey: idem() }, t['holder-demo']))).toBe('DATE_IN_PAST')
    const me = await api.data('auth', 'me', {}, t['staff-demo'])
    const scheduled = await api.data('bookings', 'scheduleHomeVisit', { requestId: request.id, date: '2026-10-09', staffIds: [me.user.id] }, t['staff-demo'])
    expect(scheduled).toMatchObject({ status: 'scheduled', date: '2026-10-09' })
    const seen = await api.data('bookings', 'homeVisits', {}, t['holder-demo'])
    expect(seen.items[0]).toMatchObject({ id: request.id, status: 'scheduled', date: '2026-10-09' })
    expect((await api.data('bookings', 'homeVisits', {}, t['holder-other'])).items).toEqual([])
    expect(code(await api.call('bookings', 'completeHomeVisit', { requestId: request.id }, t['staff-demo']))).toBe('VISIT_NOT_DUE')
  })
})
