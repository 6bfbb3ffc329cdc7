import { makeAutoObservable, runInAction } from 'mobx'
import type { HomeCount } from '@/core/auth/home'
import type { SessionView } from '@/core/station/station.schema'
import type { BookingView } from '@/core/booking/booking.schema'
import { isUpcoming } from './bookings.store'
import { useStores } from './context'
import type { RootStore } from './root.store'

/** The first page of 待签收 is enough for the tile: more than a page reads as "20+". */
const SIGNING_PAGE = 20

/**
 * What the home page counts (待评价, 待签收, unread messages) and shows at the top (the next booking, or the next
 * service day for the stations' people), from the calls the pages themselves use: nothing on the server counts only
 * for the home page.
 */
export class HomeStore {
  /** Problems waiting for the handler's department to sign: `more` when there are more than a page. */
  signing: { count: number; more: boolean } | null = null
  /** The holder's 待评价 (the ratings page's own store lives in the holder subpackage). */
  pendingRatings: number | null = null

  constructor(private readonly root: RootStore) {
    makeAutoObservable<HomeStore, 'root'>(this, { root: false })
  }

  /** Reloads what the signed-in person's tiles and top line need (each failure leaves its tile without a count). */
  async refresh(): Promise<void> {
    const { session, inbox, bookings, sessions } = this.root
    if (!session.user) return
    const loads: Array<Promise<void>> = [inbox.refreshUnread()]
    if (session.hasRole('holder')) loads.push(this.loadPendingRatings(), bookings.load())
    if ((['staff', 'admin', 'leader'] as const).some((role) => session.hasRole(role))) loads.push(sessions.load())
    if (session.hasRole('handler')) loads.push(this.loadSigning())
    await Promise.all(loads)
  }

  private async loadPendingRatings(): Promise<void> {
    const res = await this.root.api.call('ratings', 'pending', {})
    runInAction(() => {
      this.pendingRatings = res.ok ? res.data.items.length : null
    })
  }

  private async loadSigning(): Promise<void> {
    const res = await this.root.api.call('problems', 'list', { status: 'assigned', limit: SIGNING_PAGE })
    runInAction(() => {
      this.signing = res.ok ? { count: res.data.items.length, more: res.data.nextCursor !== null } : null
    })
  }

  /** The badge of a tile: null when nothing waits (or the count did not load). */
  count(kind: HomeCount): string | null {
    const shown = (n: number, more = false) => (n > 99 ? '99+' : n === 0 ? null : more ? `${n}+` : String(n))
    if (kind === 'unread') return shown(this.root.inbox.unread)
    if (kind === 'ratings') return this.pendingRatings === null ? null : shown(this.pendingRatings)
    return this.signing ? shown(this.signing.count, this.signing.more) : null
  }

  /** The holder's next booking (soonest first), if any. */
  nextBooking(now: number): BookingView | null {
    const first = this.root.bookings.sorted(now)[0]
    return first && isUpcoming(first, now) ? first : null
  }

  /** The next scheduled session: the staff member's own if they are on one, else the district's first. */
  nextServiceDay(): SessionView | null {
    const userId = this.root.session.user?.id
    const scheduled = this.root.sessions.items.filter((item) => item.status === 'scheduled')
    return scheduled.find((item) => userId && item.staffIds.includes(userId)) ?? scheduled[0] ?? null
  }

  reset(): void {
    this.signing = null
    this.pendingRatings = null
  }
}

export function useHomeStore(): HomeStore {
  const root = useStores()
  return root.extension('home', () => new HomeStore(root))
}
