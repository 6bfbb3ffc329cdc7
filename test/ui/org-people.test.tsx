import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { qrDataUrl } from '@/components/QrImage'
import PeoplePage from '@/packages/admin/pages/people/index'
import { adminUser, FakeApi, ok, staffUser } from './fake-api'
import { departments, invitation, person, SPJ_ID, ZRZY_ID } from './org-fixtures'
import { click, renderPage, typeInto } from './render'

const text = (id: string) => document.getElementById(id)?.textContent ?? null

function peopleApi() {
  return new FakeApi()
    .on('org.departments', () => ok({ items: departments }))
    .on('org.people', () => ok({ items: [person()] }))
    .on('org.invitations', () => ok({ items: [invitation()] }))
}

describe('人员与邀请', () => {
  afterEach(() => jest.restoreAllMocks())

  it('refuses a staff invitation without a department on the device, then shows the code, its QR and expiry', async () => {
    // Seen from 3 December 2026 in Shanghai.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-03T02:00:00.000Z'))
    const api = peopleApi().on('org.invite', (payload) =>
      ok({
        inviteCode: 'K7M2P9Q4R8T3',
        qr: 'LDZW-INVITE:K7M2P9Q4R8T3',
        expiresAt: '2026-12-06T06:30:00.000Z',
        invitation: invitation({
          id: '66666666-6666-4666-8666-666666666666',
          name: String(payload.name),
          roles: ['staff'],
          departmentId: SPJ_ID,
          departmentName: '区行政审批服务局',
          expiresAt: '2026-12-06T06:30:00.000Z',
        }),
      }),
    )
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'ok' } as never)
    const { store } = await renderPage(<PeoplePage />, api, adminUser)
    await waitFor(() => expect(document.getElementById(`invite-dept-${SPJ_ID}`)).toBeTruthy())
    // Only active departments are offered.
    expect(document.getElementById('invite-dept-33333333-3333-4333-8333-333333333333')).toBeNull()

    await typeInto('invite-name', '郑工作人员')
    await click('invite-role-staff')
    await click('invite-submit')
    await waitFor(() => expect(text('invite-department-error')).toBe('工作人员和部门经办人须选择所在部门'))
    expect(api.callsOf('org.invite')).toHaveLength(0)
    expect(document.getElementById('invite-code')).toBeNull()

    await click(`invite-dept-${SPJ_ID}`)
    expect(document.getElementById('invite-department-error')).toBeNull()
    await click('invite-submit')
    await waitFor(() => expect(text('invite-code')).toBe('K7M2P9Q4R8T3'))
    expect(api.callsOf('org.invite').map((call) => call.payload)).toEqual([{ name: '郑工作人员', roles: ['staff'], departmentId: SPJ_ID }])
    // The QR carries the prefixed text the 我的 page's scanner expects, not the bare code.
    const qr = document.querySelector('#invite-qr img, img#invite-qr') as HTMLImageElement | null
    const qrSrc = qr?.getAttribute('src') ?? (document.getElementById('invite-qr') as HTMLElement & { src?: string })?.src
    expect(qrSrc).toBe(qrDataUrl('LDZW-INVITE:K7M2P9Q4R8T3'))
    expect(qrSrc).not.toBe(qrDataUrl('K7M2P9Q4R8T3'))
    // Shanghai time, not the machine's.
    expect(text('invite-expires')).toBe('有效期至 12月6日 周日 14:30')
    expect(text('invite-result')).toContain('郑工作人员（流动站工作人员 · 区行政审批服务局）')
    // The new invitation heads the list.
    expect(document.querySelector('#invitation-list [id^="invitation-"][id$="6666"]')).toBeTruthy()

    await click('invite-copy')
    expect(copy).toHaveBeenCalledWith({ data: 'K7M2P9Q4R8T3' })
    store.dispose()
  })

  it('shows the server message (never the code) when the invitation is refused', async () => {
    const api = peopleApi().on('org.invite', () => ({ ok: false, error: { code: 'DEPARTMENT_INACTIVE', message: '该部门已停用，不能再安排新的工作' } }))
    const { store } = await renderPage(<PeoplePage />, api, adminUser)
    await waitFor(() => expect(document.getElementById(`invite-dept-${ZRZY_ID}`)).toBeTruthy())
    await typeInto('invite-name', '冯经办')
    await click('invite-role-handler')
    await click('invite-role-leader')
    await click(`invite-dept-${ZRZY_ID}`)
    await click('invite-submit')
    await waitFor(() => expect(text('invite-error')).toBe('该部门已停用，不能再安排新的工作'))
    expect(text('invite-error')).not.toContain('DEPARTMENT_INACTIVE')
    // Roles go in the product's order whatever order they were tapped in.
    expect(api.callsOf('org.invite')[0].payload).toEqual({ name: '冯经办', roles: ['handler', 'leader'], departmentId: ZRZY_ID })
    expect(document.getElementById('invite-code')).toBeNull()
    store.dispose()
  })

  it('asks for no department for a leader and none is sent', async () => {
    const api = peopleApi().on('org.invite', () => ({ ok: false, error: { code: 'FORBIDDEN', message: '无权执行此操作' } }))
    const { store } = await renderPage(<PeoplePage />, api, adminUser)
    await typeInto('invite-name', '陈区长')
    await click('invite-role-leader')
    await click('invite-submit')
    await waitFor(() => expect(api.callsOf('org.invite')).toHaveLength(1))
    expect(api.callsOf('org.invite')[0].payload).toEqual({ name: '陈区长', roles: ['leader'] })
    store.dispose()
  })

  it('filters by role, adjusts roles and deactivates only after the confirmation', async () => {
    const handler = person()
    const api = peopleApi()
      .on('org.setRoles', ({ roles, departmentId }) =>
        ok({ person: { ...handler, roles, departmentId: departmentId ?? null, departmentName: '区行政审批服务局' } }),
      )
      .on('org.deactivate', () => ok({ person: { ...handler, roles: ['staff'], active: false } }))
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    const { store } = await renderPage(<PeoplePage />, api, adminUser)
    await waitFor(() => expect(document.getElementById(`person-${handler.id}`)).toBeTruthy())

    await click('people-filter-handler')
    await waitFor(() => expect(api.callsOf('org.people').at(-1)?.payload).toEqual({ includeInactive: true, role: 'handler' }))

    await click(`person-edit-roles-${handler.id}`)
    await click(`person-${handler.id}-role-handler`)
    await click(`person-${handler.id}-role-staff`)
    await click(`person-${handler.id}-dept-${SPJ_ID}`)
    await click(`person-roles-save-${handler.id}`)
    await waitFor(() => expect(api.callsOf('org.setRoles')).toHaveLength(1))
    expect(api.callsOf('org.setRoles')[0].payload).toEqual({ userId: handler.id, roles: ['staff'], departmentId: SPJ_ID })
    // No longer a handler: gone from the handler filter.
    await waitFor(() => expect(document.getElementById(`person-${handler.id}`)).toBeNull())

    await click('people-filter-all')
    await waitFor(() => expect(document.getElementById(`person-deactivate-${handler.id}`)).toBeTruthy())
    await click(`person-deactivate-${handler.id}`)
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(api.callsOf('org.deactivate')).toHaveLength(0)

    modal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    await click(`person-deactivate-${handler.id}`)
    await waitFor(() => expect(document.getElementById(`person-inactive-${handler.id}`)?.textContent).toBe('已停用'))
    expect(api.callsOf('org.deactivate').map((call) => call.payload)).toEqual([{ userId: handler.id }])
    expect(document.getElementById(`person-deactivate-${handler.id}`)).toBeNull()
    store.dispose()
  })

  it('is for administrators only', async () => {
    const api = peopleApi()
    const { store } = await renderPage(<PeoplePage />, api, staffUser)
    expect(document.body.textContent).toContain('人员与邀请仅限管理员使用')
    expect(api.callsOf('org.people')).toHaveLength(0)
    store.dispose()
  })
})
