import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import IndexPage from '@/pages/index/index'
import { adminUser, FakeApi, holderUser, ok } from './fake-api'
import { leaderUser } from './problem-fixtures'
import { click, renderPage } from './render'

const text = (id: string) => document.getElementById(id)?.textContent ?? null
const district = { id: '77777777-7777-4777-8777-777777777777', name: '环翠区', code: '371002' }
const warning = { year: 2027, kind: 'missing' as const, message: '2027年节假日安排尚无数据，截止日期暂按周一至周五计算，请管理员尽快确认' }

const checklist = [
  { item: 'district' as const, label: '设置行政区名称', done: true },
  { item: 'departments' as const, label: '添加部门', done: false },
  { item: 'stations' as const, label: '添加服务站和固定服务日', done: false },
  { item: 'people' as const, label: '邀请工作人员、经办人和领导', done: false },
  { item: 'calendar' as const, label: '确认节假日安排', done: false },
]

describe('首页 for the district office', () => {
  afterEach(() => jest.restoreAllMocks())

  it("heads the page with the district's name and walks the administrator through the checklist", async () => {
    const api = new FakeApi()
      .on('org.district', () => ok({ district }))
      .on('org.overview', () => ok({ district, checklist, calendarWarnings: [warning] }))
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const { store } = await renderPage(<IndexPage />, api, adminUser)

    await waitFor(() => expect(text('home-title')).toBe('环翠区流动政务服务站'))
    await waitFor(() => expect(document.getElementById('admin-checklist')).toBeTruthy())
    expect(text('checklist-district-mark')).toBe('✓')
    expect(text('checklist-departments-mark')).toBe('○')
    expect(text('admin-checklist')).toContain('已完成 1/5')
    expect(text('calendar-warning')).toContain(warning.message)

    await click('checklist-departments')
    await click('checklist-stations')
    await click('checklist-calendar')
    expect(navigate.mock.calls.map(([options]) => (options as { url: string }).url)).toEqual([
      '/packages/admin/pages/departments/index',
      '/packages/admin/pages/stations/index',
      '/packages/admin/pages/calendar/index',
    ])
    for (const page of ['org', 'departments', 'people', 'commissioners', 'calendar', 'audit']) {
      expect(document.getElementById(`entry-admin-${page}`)).toBeTruthy()
    }
    await click('entry-admin-people')
    expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/admin/pages/people/index' })
    store.dispose()
  })

  it('shows the calendar warning to a leader, without the checklist or the set-up entries', async () => {
    const api = new FakeApi()
      .on('org.district', () => ok({ district: null }))
      .on('org.overview', () => ok({ district: null, checklist: [], calendarWarnings: [warning] }))
    const { store } = await renderPage(<IndexPage />, api, leaderUser)

    await waitFor(() => expect(document.getElementById('calendar-warning-2027')).toBeTruthy())
    expect(text('calendar-warning-2027')).toBe(warning.message)
    expect(text('home-title')).toBe('流动政务服务站')
    expect(document.getElementById('admin-checklist')).toBeNull()
    expect(document.getElementById('calendar-warning-open')).toBeNull()
    expect(document.getElementById('entry-admin-org')).toBeNull()
    expect(api.callsOf('org.overview')).toHaveLength(1)
    store.dispose()
  })

  it('hides the checklist once everything is done, and asks a holder for no overview', async () => {
    const api = new FakeApi()
      .on('org.district', () => ok({ district }))
      .on('org.overview', () => ok({ district, checklist: checklist.map((entry) => ({ ...entry, done: true })), calendarWarnings: [] }))
    const admin = await renderPage(<IndexPage />, api, adminUser)
    await waitFor(() => expect(api.callsOf('org.overview')).toHaveLength(1))
    await waitFor(() => expect(text('home-title')).toBe('环翠区流动政务服务站'))
    expect(document.getElementById('admin-checklist')).toBeNull()
    expect(document.getElementById('calendar-warning')).toBeNull()
    admin.store.dispose()
    admin.unmount()

    const holderApi = new FakeApi().on('org.district', () => ok({ district }))
    const holder = await renderPage(<IndexPage />, holderApi, holderUser)
    await waitFor(() => expect(text('home-title')).toBe('环翠区流动政务服务站'))
    expect(holderApi.callsOf('org.overview')).toHaveLength(0)
    expect(document.getElementById('calendar-warning')).toBeNull()
    holder.store.dispose()
  })
})
