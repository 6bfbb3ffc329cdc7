import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import AuditPage from '@/packages/admin/pages/audit/index'
import CommissionersPage from '@/packages/admin/pages/commissioners/index'
import DepartmentsPage from '@/packages/admin/pages/departments/index'
import OrgPage from '@/packages/admin/pages/org/index'
import type { AuditEventView } from '@/core/org/org.schema'
import { adminUser, enterpriseCard, FakeApi, ok } from './fake-api'
import { department, departments, OLD_ID, person, ZRZY_ID } from './org-fixtures'
import { click, renderPage, typeInto } from './render'

const text = (id: string) => document.getElementById(id)?.textContent ?? null

describe('行政区设置', () => {
  it('validates the code on the device, saves and puts the name in the app title', async () => {
    const saved = { id: '77777777-7777-4777-8777-777777777777', name: '环翠区', code: '371002' }
    const api = new FakeApi().on('org.district', () => ok({ district: null })).on('org.saveDistrict', () => ok({ district: saved }))
    const { store } = await renderPage(<OrgPage />, api, adminUser)
    await waitFor(() => expect(document.getElementById('district-empty')).toBeTruthy())
    await typeInto('district-name', '环翠区')
    await typeInto('district-code', '37100')
    await click('district-save')
    expect(text('district-code-error')).toBe('行政区划代码应为6位数字')
    expect(api.callsOf('org.saveDistrict')).toHaveLength(0)

    await typeInto('district-code', '371002')
    await click('district-save')
    await waitFor(() => expect(document.getElementById('district-saved')).toBeTruthy())
    expect(api.callsOf('org.saveDistrict')[0].payload).toEqual({ name: '环翠区', code: '371002' })
    expect(store.district.title).toBe('环翠区流动政务服务站')
    store.dispose()
  })

  it('shows the form once the saved district has arrived, so a late answer cannot wipe what was typed', async () => {
    const district = { id: '77777777-7777-4777-8777-777777777777', name: '环翠区', code: '371002' }
    let answer = () => {}
    const api = new FakeApi().on('org.district', () => new Promise((resolve) => (answer = () => resolve(ok({ district })))))
    const { store } = await renderPage(<OrgPage />, api, adminUser)
    await waitFor(() => expect(text('district-form')).toContain('正在加载'))
    expect(document.getElementById('district-name')).toBeNull()
    answer()
    await waitFor(() => expect(document.querySelector<HTMLInputElement>('#district-name input')?.value).toBe('环翠区'))
    store.dispose()
  })
})

describe('部门管理', () => {
  afterEach(() => jest.restoreAllMocks())

  it('lists deactivated departments greyed, adds one with 接收专报 and deactivates after confirming', async () => {
    const added = department({ id: '88888888-8888-4888-8888-888888888888', name: '区委组织部', shortName: '组织部', receivesEscalations: true, people: 0 })
    const api = new FakeApi()
      .on('org.departments', () => ok({ items: departments }))
      .on('org.saveDepartment', () => ok({ department: added }))
      .on('org.deactivateDepartment', ({ id }) => ok({ department: { ...departments.find((d) => d.id === id)!, active: false } }))
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    const { store } = await renderPage(<DepartmentsPage />, api, adminUser)
    await waitFor(() => expect(document.getElementById(`department-${OLD_ID}`)).toBeTruthy())
    expect(api.callsOf('org.departments')[0].payload).toEqual({ includeInactive: true })
    expect(document.getElementById(`department-${OLD_ID}`)!.className).toContain('org-item-inactive')
    expect(text(`department-inactive-${OLD_ID}`)).toBe('已停用')
    expect(document.getElementById(`department-deactivate-${OLD_ID}`)).toBeNull()

    await click('department-add')
    await click('department-save')
    expect(document.getElementById('department-name-error')).toBeTruthy()
    expect(api.callsOf('org.saveDepartment')).toHaveLength(0)
    await typeInto('department-name', '区委组织部')
    await typeInto('department-short-name', '组织部')
    await click('department-escalations')
    await click('department-save')
    await waitFor(() => expect(document.getElementById(`department-${added.id}`)).toBeTruthy())
    expect(api.callsOf('org.saveDepartment')[0].payload).toEqual({ name: '区委组织部', shortName: '组织部', receivesEscalations: true })

    await click(`department-deactivate-${ZRZY_ID}`)
    await waitFor(() => expect(text(`department-inactive-${ZRZY_ID}`)).toBe('已停用'))
    expect(api.callsOf('org.deactivateDepartment')[0].payload).toEqual({ id: ZRZY_ID })
    store.dispose()
  })
})

describe('特派员联系对象', () => {
  it('assigns a card holder to a commissioner and lists it under them', async () => {
    const commissioner = person({ id: '99999999-9999-4999-8999-999999999999', name: '吴特派', roles: ['commissioner'], departmentId: null, departmentName: null })
    const revoked = { ...enterpriseCard, card: { ...enterpriseCard.card, id: 'c2', status: 'revoked' as const }, holder: { ...enterpriseCard.holder, id: 'h-gone', name: '已注销企业' } }
    const api = new FakeApi()
      .on('org.commissionerAssignments', () => ok({ items: [] }))
      .on('org.people', () => ok({ items: [commissioner] }))
      .on('cards.list', () => ok({ items: [enterpriseCard, revoked] }))
      .on('org.assignCommissioner', ({ commissionerId, holderId }) =>
        ok({
          assignment: {
            commissionerId: commissionerId as string,
            commissionerName: '吴特派',
            holderId: holderId as string,
            holderName: enterpriseCard.holder.name,
            holderType: 'enterprise',
            assignedAt: '2026-12-03T02:00:00.000Z',
          },
        }),
      )
    const { store } = await renderPage(<CommissionersPage />, api, adminUser)
    await waitFor(() => expect(document.getElementById(`assign-holder-${enterpriseCard.holder.id}`)).toBeTruthy())
    expect(api.callsOf('org.people')[0].payload).toEqual({ role: 'commissioner' })
    expect(document.getElementById('assign-holder-h-gone')).toBeNull()

    await click('assign-submit')
    expect(text('assign-error')).toBe('请选择特派员')
    await click(`assign-commissioner-${commissioner.id}`)
    await click(`assign-holder-${enterpriseCard.holder.id}`)
    await click('assign-submit')
    await waitFor(() => expect(document.getElementById(`assignment-${commissioner.id}-${enterpriseCard.holder.id}`)).toBeTruthy())
    expect(api.callsOf('org.assignCommissioner')[0].payload).toEqual({ commissionerId: commissioner.id, holderId: enterpriseCard.holder.id })
    expect(text(`assignments-${commissioner.id}`)).toContain('吴特派（1）')
    store.dispose()
  })
})

describe('操作记录', () => {
  afterEach(() => jest.restoreAllMocks())

  it('pages back with nextBefore and labels each action', async () => {
    const event = (id: number, over: Partial<AuditEventView> = {}): AuditEventView => ({
      id,
      at: '2026-12-03T02:00:00.000Z',
      actorName: '王管理员',
      action: 'department.save',
      targetType: 'department',
      targetId: 'x',
      summary: `保存部门 ${id}`,
      before: null,
      after: null,
      ...over,
    })
    const api = new FakeApi().on('org.audit', ({ before }) =>
      before === 41 ? ok({ items: [event(40, { action: 'calendar.save', summary: '确认2027年节假日安排' })], nextBefore: null }) : ok({ items: [event(42), event(41)], nextBefore: 41 }),
    )
    // Seen from 12:00 the same day in Shanghai.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-03T04:00:00.000Z'))
    const { store } = await renderPage(<AuditPage />, api, adminUser)
    await waitFor(() => expect(document.getElementById('audit-42')).toBeTruthy())
    expect(text('audit-42')).toContain('保存部门')
    expect(text('audit-42')).toContain('今天 10:00')
    expect(text('audit-42')).toContain('王管理员')
    await click('audit-more')
    await waitFor(() => expect(document.getElementById('audit-40')).toBeTruthy())
    expect(text('audit-40')).toContain('确认节假日安排')
    expect(api.callsOf('org.audit').map((call) => call.payload)).toEqual([{ limit: 30 }, { before: 41, limit: 30 }])
    expect(document.getElementById('audit-more')).toBeNull()
    expect(document.querySelectorAll('[id^="audit-4"]')).toHaveLength(3)
    store.dispose()
  })
})
