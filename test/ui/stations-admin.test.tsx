import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import StationsPage from '@/packages/admin/pages/stations/index'
import { zhangcun, session, huancui } from './booking-fixtures'
import { adminUser, FakeApi, ok } from './fake-api'
import { click, pick, renderPage, typeInto } from './render'

const text = (id: string) => document.getElementById(id)?.textContent ?? ''
const valueOf = (id: string) => (document.getElementById(id)?.querySelector('input') as HTMLInputElement | null)?.value

const upcoming = session({
  id: 'aaaaaaaa-0000-4000-8000-000000000009',
  date: '2030-03-12',
  slots: [{ id: 'bbbbbbbb-0000-4000-8000-000000000009', start: '2030-03-12T01:00:00.000Z', end: '2030-03-12T01:30:00.000Z', capacity: 5, booked: 2 }],
})

function stationsApi() {
  return new FakeApi()
    .on('stations.list', () => ok({ items: [huancui, zhangcun] }))
    .on('stations.directory', () => ok({ departments: [], staff: [] }))
    .on('stations.sessions', ({ stationId }) => ok({ items: stationId === huancui.id ? [upcoming] : [] }))
    .on('stations.cancelSession', () => ok({ ...upcoming, status: 'cancelled', cancelReason: '场地检修暂停', notifiedBookings: 2 }))
}

afterEach(() => jest.restoreAllMocks())

/** Issue 15, defect 8: administrator forms. */
describe('站点与场次管理', () => {
  it('取消场次 asks for confirmation, saying who is notified, and sends nothing when declined', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' }).mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'ok' })
    const api = stationsApi()
    const { store } = await renderPage(<StationsPage />, api, adminUser)
    await waitFor(() => expect(document.getElementById(`station-${huancui.id}`)).toBeTruthy())
    await click(`station-${huancui.id}`)
    await waitFor(() => expect(document.getElementById(`session-cancel-${upcoming.id}`)).toBeTruthy())

    // Without a reason nothing is asked: the reason is what everyone booked is told.
    await click(`session-cancel-${upcoming.id}`)
    expect(modal).not.toHaveBeenCalled()
    expect(text(`session-cancel-error-${upcoming.id}`)).toContain('请填写取消原因')

    await typeInto(`session-cancel-reason-${upcoming.id}`, '场地检修暂停')
    await click(`session-cancel-${upcoming.id}`)
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '取消场次', content: expect.stringContaining('通知已预约的2人') })
    expect(api.callsOf('stations.cancelSession')).toHaveLength(0)

    await click(`session-cancel-${upcoming.id}`)
    await waitFor(() => expect(text(`session-cancel-result-${upcoming.id}`)).toContain('已通知 2 个预约'))
    expect(api.callsOf('stations.cancelSession')[0].payload).toEqual({ sessionId: upcoming.id, reason: '场地检修暂停' })
    store.dispose()
  })

  it('dates are picked, not typed, and shown the Chinese way', async () => {
    const api = stationsApi().on('stations.createSession', () => ok(upcoming))
    const { store } = await renderPage(<StationsPage />, api, adminUser)
    await waitFor(() => expect(document.getElementById(`station-${huancui.id}`)).toBeTruthy())
    await click(`station-${huancui.id}`)
    await waitFor(() => expect(document.getElementById('adhoc-date')).toBeTruthy())
    expect(document.getElementById('adhoc-date')!.querySelector('input')).toBeNull()
    expect(text('adhoc-date')).toBe('请选择日期')
    await pick('adhoc-date', '2030-03-12')
    expect(text('adhoc-date')).toBe('3月12日 周二')
    await click('adhoc-submit')
    await waitFor(() => expect(api.callsOf('stations.createSession')).toHaveLength(1))
    expect(api.callsOf('stations.createSession')[0].payload).toMatchObject({ stationId: huancui.id, date: '2030-03-12' })
    store.dispose()
  })

  it('another station starts with empty forms', async () => {
    const { store } = await renderPage(<StationsPage />, stationsApi(), adminUser)
    await waitFor(() => expect(document.getElementById(`station-${huancui.id}`)).toBeTruthy())
    await click(`station-${huancui.id}`)
    await waitFor(() => expect(document.getElementById(`session-cancel-reason-${upcoming.id}`)).toBeTruthy())
    await typeInto('adhoc-capacity', '40')
    await typeInto('fixed-slot-minutes', '15')
    await pick('fixed-valid-from', '2030-03-01')
    await click('fixed-weekday-4')
    expect(valueOf('adhoc-capacity')).toBe('40')

    await click(`station-${zhangcun.id}`)
    await waitFor(() => expect(document.getElementById(`session-cancel-reason-${upcoming.id}`)).toBeNull())
    expect(valueOf('adhoc-capacity')).toBe('5')
    expect(valueOf('fixed-slot-minutes')).toBe('30')
    expect(text('fixed-valid-from')).toBe('请选择日期')
    expect(document.getElementById('fixed-weekday-4')!.className).not.toContain('chip-active')
    store.dispose()
  })
})
