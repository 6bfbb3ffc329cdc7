import { waitFor } from '@testing-library/react'
import IndexPage from '@/pages/index/index'
import SyncFlagsPage from '@/packages/admin/pages/sync-flags/index'
import type { SyncFlagView } from '@/core/sync/sync.schema'
import { adminUser, FakeApi, holderUser, ok } from './fake-api'
import { handlerUser } from './problem-fixtures'
import { renderPage } from './render'

const revoked: SyncFlagView = {
  id: '11111111-0000-4000-8000-000000000001',
  ok: true,
  code: 'OFFLINE_REVOKED',
  message: '离线办理时该服务卡已被注销或暂停（离线资料包未能得知），已记录并提交管理员核查',
  serverId: '22222222-0000-4000-8000-000000000001',
  kind: 'bookings.checkIn',
  at: '2026-09-28T01:12:00.000Z',
  deviceId: 'desk-device-1',
  pushedBy: { id: 'u-staff', name: '王芳（流动站）' },
  receivedAt: '2026-09-28T06:40:00.000Z',
  payload: { sessionId: '33333333-0000-4000-8000-000000000001', qr: 'LDZO1.AAAA.BBBB' },
  holder: { id: 'h1', name: '三河智造科技有限公司', cardNumber: 'E2026000001' },
}

const refused: SyncFlagView = {
  ...revoked,
  id: '11111111-0000-4000-8000-000000000002',
  ok: false,
  code: 'TOKEN_INVALID',
  message: '二维码无效',
  serverId: undefined,
  holder: null,
}

describe('离线核验异常', () => {
  it('tells an administrator, in plain words, what was flagged, who pushed it from where, when, and for whom', async () => {
    const api = new FakeApi().on('sync.flags', () => ok({ items: [revoked, refused] }))
    const { store } = await renderPage(<SyncFlagsPage />, api, adminUser)
    await waitFor(() => expect(document.getElementById(`sync-flag-${revoked.id}`)).toBeTruthy())
    const first = document.getElementById(`sync-flag-${revoked.id}`)!.textContent!
    expect(first).toContain('服务卡已注销或暂停，离线时仍被办理')
    expect(first).toContain('已记录，待核实')
    expect(first).toContain('现场签到')
    expect(first).toContain('三河智造科技有限公司（卡号 E2026000001）')
    expect(first).toContain('王芳（流动站）')
    expect(first).toContain('desk-device-1')
    // Shanghai time: happened at 09:12, arrived at 14:40.
    expect(first).toContain('2026-09-28 09:12')
    expect(first).toContain('2026-09-28 14:40')
    const second = document.getElementById(`sync-flag-${refused.id}`)!.textContent!
    expect(second).toContain('同步时被拒绝，未记录')
    expect(second).toContain('二维码无效')
    expect(second).toContain('未能确认')
    // No codes or English for people.
    for (const text of [first, second]) expect(text).not.toMatch(/OFFLINE_|TOKEN_|bookings\.|checkIn/)
    expect(document.getElementById('sync-flags')!.textContent).toContain('全区')
    expect(api.callsOf('sync.flags')).toEqual([expect.objectContaining({ payload: { limit: 200 } })])
    store.dispose()
  })

  it('shows a handler their department’s list, and an empty one plainly', async () => {
    const api = new FakeApi().on('sync.flags', () => ok({ items: [] }))
    const { store } = await renderPage(<SyncFlagsPage />, api, handlerUser)
    await waitFor(() => expect(document.getElementById('sync-flags')!.textContent).toContain('没有离线核验异常'))
    expect(document.getElementById('sync-flags')!.textContent).toContain('本部门')
    store.dispose()
  })

  it('is closed to holders, who never call the list', async () => {
    const api = new FakeApi()
    const { store, container } = await renderPage(<SyncFlagsPage />, api, holderUser)
    expect(container.textContent).toContain('仅限管理员和部门经办人')
    expect(api.callsOf('sync.flags')).toHaveLength(0)
    store.dispose()
  })

  it.each([
    [adminUser, true],
    [handlerUser, true],
    [holderUser, false],
  ] as const)('%#: is on the home page of administrators and handlers only', async (user, shown) => {
    const { store } = await renderPage(<IndexPage />, new FakeApi(), user)
    await waitFor(() => expect(document.getElementById('current-user')).toBeTruthy())
    expect(Boolean(document.getElementById('entry-sync-flags'))).toBe(shown)
    store.dispose()
  })
})
