import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import BookingsPage from '@/packages/holder/pages/bookings/index'
import { booking, homeVisit, session, tuesday, tuesdayFinance } from './booking-fixtures'
import { FakeApi, holderUser, ok } from './fake-api'
import { click, expectNotice, renderPage } from './render'

const upcoming = booking({ id: 'dddddddd-0000-4000-8000-000000000001' })
const later = booking({
  id: 'dddddddd-0000-4000-8000-000000000002',
  slotId: tuesdayFinance.slots[0].id,
  sessionId: tuesdayFinance.id,
  start: tuesdayFinance.slots[0].start,
  end: tuesdayFinance.slots[0].end,
})
const past = booking({ id: 'dddddddd-0000-4000-8000-000000000003', status: 'checked_in', start: '2026-01-06T01:00:00.000Z', end: '2026-01-06T01:30:00.000Z' })

function bookingsApi() {
  return new FakeApi()
    .on('bookings.mine', () => ok({ items: [past, later, upcoming] }))
    .on('bookings.homeVisits', () => ok({ items: [homeVisit] }))
    .on('stations.sessions', () => ok({ items: [tuesday, tuesdayFinance] }))
}

describe('我的预约', () => {
  afterEach(() => jest.restoreAllMocks())

  it('lists upcoming bookings first with their status, and the home visits with date and staff count', async () => {
    const { store } = await renderPage(<BookingsPage />, bookingsApi(), holderUser)
    await waitFor(() => expect(document.getElementById(`booking-${upcoming.id}`)).toBeTruthy())
    const ids = Array.from(document.querySelectorAll('[id^="booking-dddd"]')).map((el) => el.id)
    expect(ids).toEqual([`booking-${upcoming.id}`, `booking-${later.id}`, `booking-${past.id}`])
    expect(document.getElementById(`booking-status-${upcoming.id}`)?.textContent).toBe('已预约')
    expect(document.getElementById(`booking-status-${past.id}`)?.textContent).toBe('已签到')
    expect(document.getElementById(`booking-cancel-${upcoming.id}`)).toBeTruthy()
    expect(document.getElementById(`booking-cancel-${past.id}`)).toBeNull()
    const visit = document.getElementById(`home-visit-${homeVisit.id}`)!.textContent!
    expect(visit).toContain('已安排')
    expect(visit).toContain('3月21日')
    expect(visit).toContain('2名工作人员')
    store.dispose()
  })

  it("cancels after confirmation and shows TOO_LATE_TO_CHANGE's message when refused", async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    const api = bookingsApi().on('bookings.cancel', () => ({
      ok: false,
      error: { code: 'TOO_LATE_TO_CHANGE', message: '距服务开始已不足2小时，不能取消或改约' },
    }))
    const { store } = await renderPage(<BookingsPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById(`booking-cancel-${upcoming.id}`)).toBeTruthy())
    await click(`booking-cancel-${upcoming.id}`)

    await waitFor(() => expect(document.getElementById(`booking-error-${upcoming.id}`)).toBeTruthy())
    expect(modal).toHaveBeenCalledTimes(1)
    expect(api.callsOf('bookings.cancel')[0].payload).toEqual({ bookingId: upcoming.id })
    const error = document.getElementById(`booking-error-${upcoming.id}`)!.textContent!
    expect(error).toContain('距服务开始已不足2小时，不能取消或改约')
    expectNotice(`booking-error-${upcoming.id}`, 'TOO_LATE_TO_CHANGE')
    expect(document.getElementById(`booking-status-${upcoming.id}`)?.textContent).toBe('已预约')
    store.dispose()
  })

  it('does nothing when the holder backs out of the confirmation; cancels when confirmed', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    const api = bookingsApi().on('bookings.cancel', () => ok({ ...upcoming, status: 'cancelled' }))
    const { store } = await renderPage(<BookingsPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById(`booking-cancel-${upcoming.id}`)).toBeTruthy())
    await click(`booking-cancel-${upcoming.id}`)
    expect(api.callsOf('bookings.cancel')).toHaveLength(0)

    modal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    await click(`booking-cancel-${upcoming.id}`)
    await waitFor(() => expect(document.getElementById(`booking-status-${upcoming.id}`)?.textContent).toBe('已取消'))
    expect(document.getElementById(`booking-cancel-${upcoming.id}`)).toBeNull()
    store.dispose()
  })

  it('reschedules in a sheet grouped by day, with the slots that clash with another booking disabled (issue 15, defect 9)', async () => {
    const wednesday = session({
      id: 'aaaaaaaa-0000-4000-8000-000000000009',
      date: '2030-03-13',
      slots: [{ id: 'bbbbbbbb-0000-4000-8000-000000000009', start: '2030-03-13T06:00:00.000Z', end: '2030-03-13T06:30:00.000Z', capacity: 4, booked: 1 }],
    })
    const target = wednesday.slots[0]
    const clashing = tuesdayFinance.slots[0]
    const api = bookingsApi()
      .on('stations.sessions', () => ok({ items: [wednesday, tuesday, tuesdayFinance] }))
      .on('bookings.reschedule', ({ slotId }) => ok({ ...upcoming, slotId: String(slotId), start: target.start, end: target.end }))
    const { store } = await renderPage(<BookingsPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById(`booking-reschedule-${upcoming.id}`)).toBeTruthy())
    await click(`booking-reschedule-${upcoming.id}`)
    await waitFor(() => expect(document.getElementById(`reschedule-slot-${target.id}`)).toBeTruthy())
    const days = Array.from(document.querySelectorAll(`#reschedule-${upcoming.id} [id^="reschedule-day-"]`), (day) => day.id)
    expect(days).toEqual(['reschedule-day-2030-03-12', 'reschedule-day-2030-03-13'])
    // Its own slot, a full one and one at the time of another booking (later's) are marked, not offered.
    const note = (slot: { id: string }) => document.getElementById(`reschedule-slot-note-${slot.id}`)?.textContent
    expect([upcoming, tuesday.slots[1], clashing].map((slot) => note('slotId' in slot ? { id: slot.slotId } : slot))).toEqual([
      '当前预约',
      '约满',
      '与您的其他预约时间冲突',
    ])
    await click(`reschedule-slot-${clashing.id}`)
    expect(api.callsOf('bookings.reschedule')).toHaveLength(0)
    expect(note(target)).toBe('余3位')
    await click(`reschedule-slot-${target.id}`)
    await waitFor(() => expect(document.getElementById(`booking-${upcoming.id}`)?.textContent).toContain('14:00–14:30'))
    expect(api.callsOf('bookings.reschedule')[0].payload).toEqual({ bookingId: upcoming.id, slotId: target.id })
    expect(document.getElementById(`reschedule-${upcoming.id}`)).toBeNull()
    store.dispose()
  })
})
