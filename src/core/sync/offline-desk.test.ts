import { base64urlnopad } from '@scure/base'
import { signCardToken } from '../card/card.token'
import { nobleSigner, noblePublicKey } from '../card/card.token.noble'
import { makeOfflineCode, signOfflineCredential } from '../card/offline-code'
import type { OfflineKit } from '../station/station.schema'
import { checkInOffline, offlineRoster } from './offline-desk'
import { queueAction, settle, type QueuedAction } from './sync.queue'

const districtKey = new Uint8Array(32).fill(7)
const deviceKey = new Uint8Array(32).fill(9)
const b64 = (bytes: Uint8Array) => base64urlnopad.encode(bytes)
const bookedCard = '0b8f4d2e-3c1a-4e5f-9a7b-1c2d3e4f5a6b'
const walkInCard = '1c8f4d2e-3c1a-4e5f-9a7b-1c2d3e4f5a6c'
// 2026-11-24 09:30 in Shanghai, inside the 09:00–11:00 session.
const now = new Date('2026-11-24T01:30:00Z')

function kit(overrides: Partial<OfflineKit> = {}): OfflineKit {
  return {
    session: { id: 's1', stationId: 'st1', station: { name: '张村镇流动站', address: '张村镇政府' }, kind: 'station', date: '2026-11-24', start: '09:00', end: '11:00', status: 'scheduled' } as OfflineKit['session'],
    bookings: [
      { id: 'b1', slotId: 'sl1', status: 'confirmed', start: '2026-11-24T01:00:00Z', end: '2026-11-24T01:30:00Z', topic: '政策咨询', holderId: 'h1', holderName: '威海海川科技有限公司', cardId: bookedCard },
    ],
    cardPublicKey: b64(noblePublicKey(districtKey)),
    blockedCards: [],
    issuedAt: '2026-11-23T12:00:00Z',
    ...overrides,
  }
}

function offlineCode(cardId: string, holderName: string, at = now, nonceByte = 1) {
  const credential = signOfflineCredential(
    { cardId, cardType: 'enterprise', holderName, devicePublicKey: b64(noblePublicKey(deviceKey)), validUntil: new Date(at.getTime() + 86_400_000) },
    nobleSigner(districtKey),
  )
  return makeOfflineCode({ credential, deviceSecretKey: b64(deviceKey), now: at, nonce: new Uint8Array(8).fill(nonceByte) })
}

const staffAt = (when = now, seen: string[] = []) => ({ now: when, isAdmin: false, seenNonces: new Set(seen) })

describe('checking a card in at an offline desk', () => {
  it('finds the holder’s booking in the kit', () => {
    const result = checkInOffline(kit(), offlineCode(bookedCard, '威海海川科技有限公司'), staffAt())
    expect(result).toMatchObject({ ok: true, data: { cardId: bookedCard, holderName: '威海海川科技有限公司', booking: { id: 'b1' } } })
  })

  it('lets a holder without a booking walk in, named by the code', () => {
    expect(checkInOffline(kit(), offlineCode(walkInCard, '环翠蓝海食品有限公司'), staffAt())).toMatchObject({
      ok: true,
      data: { cardId: walkInCard, holderName: '环翠蓝海食品有限公司', booking: null },
    })
  })

  it('accepts an online token verified with the kit’s key, named from the booking', () => {
    const { qr } = signCardToken({ cardId: bookedCard, nowMs: now.getTime(), nonce: new Uint8Array(16).fill(3) }, nobleSigner(districtKey))
    expect(checkInOffline(kit(), qr, staffAt())).toMatchObject({ ok: true, data: { holderName: '威海海川科技有限公司', booking: { id: 'b1' } } })
    const stranger = signCardToken({ cardId: walkInCard, nowMs: now.getTime(), nonce: new Uint8Array(16).fill(4) }, nobleSigner(districtKey)).qr
    expect(checkInOffline(kit(), stranger, staffAt())).toMatchObject({ ok: true, data: { holderName: null, booking: null } })
  })

  it('refuses the same code twice on this device', () => {
    const code = offlineCode(bookedCard, '威海海川科技有限公司')
    const first = checkInOffline(kit(), code, staffAt())
    if (!first.ok) throw new Error('first scan refused')
    expect(checkInOffline(kit(), code, staffAt(now, [first.data.nonce]))).toMatchObject({ ok: false, error: { code: 'TOKEN_REPLAYED' } })
  })

  it('says 无效 for garbage at any hour, before the window rule', () => {
    const early = new Date('2026-11-23T20:00:00Z')
    expect(checkInOffline(kit(), 'hello', staffAt(early))).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
  })

  it('keeps the check-in window for staff, not for administrators', () => {
    const early = new Date('2026-11-23T23:30:00Z')
    const code = offlineCode(bookedCard, '威海海川科技有限公司', early)
    expect(checkInOffline(kit(), code, staffAt(early))).toMatchObject({ ok: false, error: { code: 'CHECK_IN_CLOSED' } })
    expect(checkInOffline(kit(), code, { now: early, isAdmin: true, seenNonces: new Set() })).toMatchObject({ ok: true })
  })

  it('refuses a cancelled session, and a card blocked as of the kit', () => {
    const code = offlineCode(bookedCard, '威海海川科技有限公司')
    expect(checkInOffline(kit({ session: { ...kit().session, status: 'cancelled' } }), code, staffAt())).toMatchObject({ ok: false, error: { code: 'SESSION_CANCELLED' } })
    expect(checkInOffline(kit({ blockedCards: [{ cardId: bookedCard, status: 'revoked' }] }), code, staffAt())).toMatchObject({ ok: false, error: { code: 'CARD_REVOKED' } })
    const { qr } = signCardToken({ cardId: bookedCard, nowMs: now.getTime(), nonce: new Uint8Array(16).fill(5) }, nobleSigner(districtKey))
    expect(checkInOffline(kit({ blockedCards: [{ cardId: bookedCard, status: 'suspended' }] }), qr, staffAt())).toMatchObject({ ok: false, error: { code: 'CARD_SUSPENDED' } })
  })

  it('refuses a code signed by another district key', () => {
    const other = kit({ cardPublicKey: b64(noblePublicKey(new Uint8Array(32).fill(8))) })
    expect(checkInOffline(other, offlineCode(bookedCard, '威海海川科技有限公司'), staffAt())).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
  })
})

describe('the offline roster', () => {
  const at = '2026-11-24T01:30:00.000Z'
  const checkIn = (id: string, cardId: string, bookingId: string | null, holderName: string | null) =>
    ({ id, kind: 'bookings.checkIn' as const, at, payload: { sessionId: 's1', qr: 'x' }, local: { cardId, bookingId, holderName } })

  it('shows the kit’s bookings with this device’s check-ins, walk-ins and no-shows; one visit per card; refused ones not', () => {
    let queue: QueuedAction[] = []
    queue = queueAction(queue, checkIn('a1', bookedCard, 'b1', '威海海川科技有限公司'))
    queue = queueAction(queue, checkIn('a2', bookedCard, 'b1', '威海海川科技有限公司'))
    queue = queueAction(queue, checkIn('a3', walkInCard, null, '环翠蓝海食品有限公司'))
    queue = queueAction(queue, checkIn('a4', 'refused-card', null, '被拒绝的'))
    queue = settle(queue, [{ id: 'a4', ok: false, code: 'TOKEN_INVALID' }])
    const roster = offlineRoster(kit(), queue)
    expect(roster.bookings.map((b) => [b.id, b.status, b.holderName])).toEqual([['b1', 'checked_in', '威海海川科技有限公司']])
    expect(roster.visits.map((v) => [v.holderName, v.walkIn])).toEqual([
      ['威海海川科技有限公司', false],
      ['环翠蓝海食品有限公司', true],
    ])
    const noShow = offlineRoster(kit(), queueAction([], { id: 'n1', kind: 'bookings.markNoShow', at, payload: { bookingId: 'b1' } }))
    expect(noShow.bookings[0].status).toBe('no_show')
  })
})
