import { base64urlnopad } from '@scure/base'
import { CHECK_IN_OPENS_MINUTES } from '../booking/booking.machine'
import { shanghaiInstant } from '../calendar/shanghai-time'
import { verifyCardToken } from '../card/card.token'
import { ed25519 } from '../card/card.token.noble'
import { isOfflineCode, verifyOfflineCode } from '../card/offline-code'
import { fail, isFailure, ok, type Result } from '../errors'
import type { BookingResponses, RosterBookingView, VisitView } from '../booking/booking.schema'
import type { OfflineKit, OfflineKitBooking } from '../station/station.schema'
import type { QueuedAction } from './sync.queue'

/** A holder let in by a station device without a network. */
export interface OfflineCheckIn {
  cardId: string
  /** From the code (an offline code carries it) or the kit's booking; null for a walk-in showing an online code. */
  holderName: string | null
  /** The holder's booking of this session, if the kit has one. */
  booking: OfflineKitBooking | null
  /** What the device remembers so the same code never passes twice on it. */
  nonce: string
}

/**
 * Checks a card shown at an offline desk against the session's kit (issue 14): the code first (garbage is 无效的二维码
 * at any hour), then the session — cancelled, or outside the check-in window (60 minutes before the start until the
 * end; administrators at any time) — then the device's memory of codes it has accepted. Both the phone's offline code
 * and an online token (signed by the same district key, verifiable with the kit's public key) pass.
 */
export function checkInOffline(
  kit: OfflineKit,
  qr: string,
  at: { now: Date; isAdmin: boolean; seenNonces: ReadonlySet<string> },
): Result<OfflineCheckIn> {
  const scanned = scan(kit, qr.trim(), at.now)
  if (isFailure(scanned)) return scanned
  const { session } = kit
  if (session.status === 'cancelled') return fail('SESSION_CANCELLED')
  const opens = shanghaiInstant(session.date, session.start).getTime() - CHECK_IN_OPENS_MINUTES * 60_000
  const closes = shanghaiInstant(session.date, session.end).getTime()
  if (!at.isAdmin && (at.now.getTime() < opens || at.now.getTime() > closes)) return fail('CHECK_IN_CLOSED')
  const card = scanned.data
  if (at.seenNonces.has(card.nonce)) return fail('TOKEN_REPLAYED')
  const booking = kit.bookings.find((b) => b.cardId === card.cardId && b.status !== 'cancelled') ?? null
  return ok({ ...card, holderName: card.holderName ?? booking?.holderName ?? null, booking })
}

function scan(kit: OfflineKit, qr: string, now: Date): Result<Omit<OfflineCheckIn, 'booking'>> {
  if (isOfflineCode(qr)) {
    // The device's own memory is checked by the caller, after the session rules.
    const verified = verifyOfflineCode(qr, { cardPublicKey: kit.cardPublicKey, blockedCards: kit.blockedCards }, now)
    if (isFailure(verified)) return verified
    return ok({ cardId: verified.data.cardId, holderName: verified.data.holderName, nonce: verified.data.nonce })
  }
  const publicKey = base64urlnopad.decode(kit.cardPublicKey)
  const claims = verifyCardToken(qr, (signature, message) => ed25519.verify(signature, message, publicKey), now.getTime())
  if (isFailure(claims)) return claims
  const blocked = kit.blockedCards.find((card) => card.cardId === claims.data.cardId)
  if (blocked) return fail(blocked.status === 'revoked' ? 'CARD_REVOKED' : 'CARD_SUSPENDED')
  return ok({ cardId: claims.data.cardId, holderName: null, nonce: claims.data.nonce })
}

/**
 * The session's roster as the offline desk shows it: the kit's bookings with what this device did since (check-ins,
 * walk-ins, no-shows), queued or already synced. Contact details are not in the kit.
 */
export function offlineRoster(kit: OfflineKit, queue: readonly QueuedAction[]): BookingResponses['roster'] {
  const { session } = kit
  const ours = queue.filter((a) => a.state !== 'refused')
  const visits: VisitView[] = []
  for (const action of ours) {
    if (action.kind !== 'bookings.checkIn' || action.payload.sessionId !== session.id || !action.local?.cardId) continue
    if (visits.some((v) => v.id === action.local?.cardId)) continue
    const booking = kit.bookings.find((b) => b.id === action.local?.bookingId)
    visits.push({
      // One visit per card and session, as on the backend.
      id: action.local.cardId,
      sessionId: session.id,
      bookingId: booking?.id ?? null,
      walkIn: !booking,
      holderId: booking?.holderId ?? '',
      holderName: action.local.holderName ?? booking?.holderName ?? '持卡人',
      checkedInAt: action.at,
    })
  }
  const noShows = new Set(ours.filter((a) => a.kind === 'bookings.markNoShow').map((a) => a.payload.bookingId))
  const bookings: RosterBookingView[] = kit.bookings.map((b) => ({
    id: b.id,
    holderId: b.holderId,
    slotId: b.slotId,
    sessionId: session.id,
    status: visits.some((v) => v.bookingId === b.id) ? 'checked_in' : noShows.has(b.id) && b.status === 'confirmed' ? 'no_show' : b.status,
    topic: b.topic,
    problemText: null,
    start: b.start,
    end: b.end,
    createdAt: kit.issuedAt,
    changedAt: null,
    place: { stationId: session.stationId, stationName: session.station.name, address: session.station.address, kind: session.kind, sessionStatus: session.status },
    holderName: b.holderName,
    contactName: '',
    contactPhone: '',
  }))
  return { session, bookings, visits }
}
