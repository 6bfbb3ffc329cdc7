import { act, fireEvent, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import SessionsPage from '@/pages/sessions/index'
import { thursdayCancelled, tuesday, tuesdayFinance } from './booking-fixtures'
import { FakeApi, holderUser, ok } from './fake-api'
import { click, renderPage } from './render'

const text = (id: string) => document.getElementById(id)?.textContent ?? null

describe('预约服务', () => {
  afterEach(() => jest.restoreAllMocks())

  it('groups upcoming sessions by day and shows the remaining seats of every slot', async () => {
    const api = new FakeApi().on('stations.sessions', () => ok({ items: [tuesday, tuesdayFinance, thursdayCancelled] }))
    const { store } = await renderPage(<SessionsPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById('sessions-day-2030-03-12')).toBeTruthy())
    expect(api.callsOf('stations.sessions')[0].payload).toEqual({})

    const list = document.getElementById('sessions-list')!
    const days = Array.from(list.querySelectorAll('[id^="sessions-day-"]')).map((el) => el.id)
    expect(days).toEqual(['sessions-day-2030-03-12', 'sessions-day-2030-03-14'])
    expect(text('sessions-day-2030-03-12')).toContain('3月12日 周二')
    expect(text('sessions-day-2030-03-14')).toContain('3月14日 周四')

    // Both Tuesday sessions sit under Tuesday, in the server's (nearest first) order, with kind, window and distance.
    const tuesdayBox = document.getElementById('sessions-day-2030-03-12')!
    const cards = Array.from(tuesdayBox.querySelectorAll('[id^="session-"]')).map((el) => el.id)
    expect(cards).toEqual([`session-${tuesday.id}`, `session-${tuesdayFinance.id}`])
    expect(text(`session-${tuesday.id}`)).toContain('环翠区政务服务中心流动站')
    expect(text(`session-${tuesday.id}`)).toContain('09:00–10:00')
    expect(text(`session-${tuesday.id}`)).toContain('1.2公里')
    expect(text(`session-${tuesdayFinance.id}`)).toContain('政银企保对接')

    // Remaining seats: capacity − booked; a full slot says 约满.
    const [open, full] = tuesday.slots
    expect(text(`slot-left-${open.id}`)).toBe('3')
    expect(text(`slot-${open.id}`)).toContain('09:00–09:30')
    expect(text(`slot-left-${full.id}`)).toBe('0')
    expect(text(`slot-${full.id}`)).toContain('约满')
    expect(text(`slot-left-${tuesdayFinance.slots[0].id}`)).toBe('10')

    // A cancelled session is marked and offers no slot.
    expect(text(`session-${thursdayCancelled.id}`)).toContain('已取消')
    expect(text(`session-${thursdayCancelled.id}`)).toContain('场地检修')
    expect(document.getElementById(`slot-${thursdayCancelled.slots[0].id}`)).toBeNull()
    store.dispose()
  })

  it('opens the booking form for a free slot and ignores a full one', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const api = new FakeApi().on('stations.sessions', () => ok({ items: [tuesday] }))
    const { store } = await renderPage(<SessionsPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById(`slot-${tuesday.slots[0].id}`)).toBeTruthy())

    await click(`slot-${tuesday.slots[1].id}`)
    expect(navigate).not.toHaveBeenCalled()

    await click(`slot-${tuesday.slots[0].id}`)
    expect(navigate).toHaveBeenCalledWith({ url: `/packages/holder/pages/sessions/book?slotId=${tuesday.slots[0].id}` })
    store.dispose()
  })

  it('shows the map panel with address and coordinates in H5 (no native map)', async () => {
    const api = new FakeApi().on('stations.sessions', () => ok({ items: [tuesday, tuesdayFinance] }))
    const { store } = await renderPage(<SessionsPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById(`session-${tuesday.id}`)).toBeTruthy())
    await click('sessions-map-toggle')
    expect(text('sessions-map')).toContain('威海市环翠区新威路17号')
    expect(text('map-coordinates')).toBe('37.513100, 122.120600')
    await act(async () => {
      fireEvent.click(document.getElementById(`map-station-${tuesdayFinance.station.id}`)!)
    })
    expect(text('sessions-map')).toContain('威海市环翠区张村镇政府一楼')
    store.dispose()
  })
})
