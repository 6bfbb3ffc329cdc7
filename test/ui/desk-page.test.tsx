import { screen, waitFor } from '@testing-library/react'
import type { VisitView } from '@/core/booking/booking.schema'
import DeskPage from '@/packages/staff/pages/desk/index'
import { booking, rosterBooking, tuesday } from './booking-fixtures'
import { enterpriseCard, FakeApi, holderUser, ok, staffUser } from './fake-api'
import { click, renderPage, typeInto } from './render'

const booked = rosterBooking({ id: 'dddddddd-0000-4000-8000-000000000001' })
const visitBase = { sessionId: tuesday.id, holderId: enterpriseCard.holder.id, holderName: enterpriseCard.holder.name, checkedInAt: '2030-03-12T01:05:00.000Z' }

function deskApi() {
  let status: 'confirmed' | 'checked_in' = 'confirmed'
  const visits: VisitView[] = []
  const api = new FakeApi()
    .on('stations.desk', () => ok({ date: '2030-03-12', items: [tuesday] }))
    .on('bookings.roster', () => ok({ session: tuesday, bookings: [{ ...booked, status }], visits }))
  return {
    api,
    checkInBooking() {
      status = 'checked_in'
      const visit = { ...visitBase, id: 'eeeeeeee-0000-4000-8000-000000000001', bookingId: booked.id, walkIn: false }
      visits.push(visit)
      return ok({ visit, booking: booking({ id: booked.id, status: 'checked_in' }), card: enterpriseCard.card, holder: enterpriseCard.holder })
    },
    checkInWalkIn() {
      const visit = { ...visitBase, id: 'eeeeeeee-0000-4000-8000-000000000002', bookingId: null, walkIn: true }
      visits.push(visit)
      return ok({ visit, booking: null, card: enterpriseCard.card, holder: enterpriseCard.holder })
    },
  }
}

describe('今日服务台', () => {
  it('checks a booked holder in by card token and updates the roster', async () => {
    const desk = deskApi()
    desk.api.on('bookings.checkIn', () => desk.checkInBooking())
    const { store } = await renderPage(<DeskPage />, desk.api, staffUser)
    await waitFor(() => expect(document.getElementById(`desk-session-${tuesday.id}`)).toBeTruthy())
    // The only session of the day is opened at once.
    await waitFor(() => expect(document.getElementById(`roster-${booked.id}`)).toBeTruthy())
    expect(document.getElementById(`roster-${booked.id}`)!.textContent).toContain('三河智造科技有限公司')
    expect(document.getElementById(`roster-${booked.id}`)!.textContent).toContain('项目立项咨询')
    expect(document.getElementById(`roster-status-${booked.id}`)!.textContent).toBe('已预约')
    expect(document.getElementById('desk-count-booked')!.textContent).toBe('5/8')
    // The session has not ended: no 标记未到 yet.
    expect(document.getElementById(`roster-noshow-${booked.id}`)).toBeNull()

    await typeInto('desk-checkin-input', '  LDZW1.card-token  ')
    await click('desk-checkin-submit')
    await waitFor(() => expect(document.getElementById('desk-checkin-result')).toBeTruthy())
    expect(desk.api.callsOf('bookings.checkIn')[0].payload).toEqual({ sessionId: tuesday.id, qr: 'LDZW1.card-token' })
    const result = document.getElementById('desk-checkin-result')!.textContent!
    expect(result).toContain('预约签到')
    expect(result).toContain('三河智造科技有限公司')
    expect(result).not.toContain('现场登记')
    await waitFor(() => expect(document.getElementById(`roster-status-${booked.id}`)!.textContent).toBe('已签到'))
    expect(document.getElementById('desk-count-checked-in')!.textContent).toBe('1')
    store.dispose()
  })

  it('says so when the holder was checked in already (issue 15, defect 12)', async () => {
    const desk = deskApi()
    desk.api.on('bookings.checkIn', () => {
      const first = desk.checkInBooking()
      return first.ok ? ok({ ...first.data, alreadyCheckedIn: true }) : first
    })
    const { store } = await renderPage(<DeskPage />, desk.api, staffUser)
    await waitFor(() => expect(document.getElementById('desk-checkin-input')).toBeTruthy())
    await typeInto('desk-checkin-input', 'LDZW1.card-token')
    await click('desk-checkin-submit')
    await waitFor(() => expect(document.getElementById('desk-checkin-already')).toBeTruthy())
    expect(document.getElementById('desk-checkin-already')!.textContent).toMatch(/^此前已签到（\d{2}:\d{2}），本次未重复登记。$/)
    store.dispose()
  })

  it('records a card holder without a booking as a walk-in', async () => {
    const desk = deskApi()
    desk.api.on('bookings.checkIn', () => desk.checkInWalkIn())
    const { store } = await renderPage(<DeskPage />, desk.api, staffUser)
    await waitFor(() => expect(document.getElementById('desk-checkin-input')).toBeTruthy())
    await typeInto('desk-checkin-input', 'LDZW1.other-token')
    await click('desk-checkin-submit')
    await waitFor(() => expect(document.getElementById('desk-checkin-result')).toBeTruthy())
    const result = document.getElementById('desk-checkin-result')!.textContent!
    expect(result).toContain('现场登记')
    expect(result).toContain('三河智造科技有限公司')
    expect(result).not.toContain('预约签到')
    await waitFor(() => expect(document.getElementById('desk-count-walk-ins')!.textContent).toBe('1'))
    store.dispose()
  })

  it('shows a refused check-in with its message, the code only for support', async () => {
    const desk = deskApi()
    desk.api.on('bookings.checkIn', () => ({
      ok: false,
      error: { code: 'TOKEN_EXPIRED', message: '服务卡二维码已过期，请让对方刷新后重新出示' },
    }))
    const { store } = await renderPage(<DeskPage />, desk.api, staffUser)
    await waitFor(() => expect(document.getElementById('desk-checkin-input')).toBeTruthy())
    await typeInto('desk-checkin-input', 'LDZW1.old-token')
    await click('desk-checkin-submit')
    await waitFor(() => expect(document.getElementById('desk-checkin-error')).toBeTruthy())
    const error = document.getElementById('desk-checkin-error')!.textContent!
    expect(error).not.toContain('TOKEN_EXPIRED')
    expect(error).toContain('服务卡二维码已过期')
    expect(document.getElementById('desk-checkin-error-message')!.getAttribute('data-code')).toBe('TOKEN_EXPIRED')
    expect(document.getElementById('desk-checkin-result')).toBeNull()
    store.dispose()
  })

  it('offers 标记未到 for a confirmed booking once the session has ended', async () => {
    const ended = { ...tuesday, date: '2026-01-06', start: '09:00', end: '10:00' }
    const api = new FakeApi()
      .on('stations.desk', () => ok({ date: '2026-01-06', items: [ended] }))
      .on('bookings.roster', () => ok({ session: ended, bookings: [booked], visits: [] }))
      .on('bookings.markNoShow', () => ({ ok: false, error: { code: 'SESSION_NOT_ENDED', message: '场次结束后才能标记未到' } }))
    const { store } = await renderPage(<DeskPage />, api, staffUser)
    await waitFor(() => expect(document.getElementById(`roster-noshow-${booked.id}`)).toBeTruthy())
    await click(`roster-noshow-${booked.id}`)
    await waitFor(() => expect(screen.getByText('场次结束后才能标记未到')).toBeTruthy())
    expect(api.callsOf('bookings.markNoShow')[0].payload).toEqual({ bookingId: booked.id })
    store.dispose()
  })

  it('is for station staff only', async () => {
    const { store } = await renderPage(<DeskPage />, new FakeApi(), holderUser)
    expect(screen.getByText('服务台仅限流动站工作人员使用')).toBeTruthy()
    store.dispose()
  })
})
