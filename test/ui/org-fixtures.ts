import type { CalendarView, DepartmentView, InvitationView, PersonView } from '@/core/org/org.schema'

export const ZRZY_ID = '11111111-1111-4111-8111-111111111111'
export const SPJ_ID = '22222222-2222-4222-8222-222222222222'
export const OLD_ID = '33333333-3333-4333-8333-333333333333'

export function department(over: Partial<DepartmentView> = {}): DepartmentView {
  return { id: ZRZY_ID, name: '区自然资源局', shortName: '自然资源局', receivesEscalations: false, active: true, people: 2, ...over }
}

export const departments: DepartmentView[] = [
  department(),
  department({ id: SPJ_ID, name: '区行政审批服务局', shortName: '审批局', people: 3 }),
  department({ id: OLD_ID, name: '区经济发展局', shortName: null, active: false, people: 0 }),
]

export function person(over: Partial<PersonView> = {}): PersonView {
  return {
    id: '44444444-4444-4444-8444-444444444444',
    name: '周办事',
    roles: ['handler'],
    departmentId: ZRZY_ID,
    departmentName: '区自然资源局',
    active: true,
    createdAt: '2026-11-20T01:00:00.000Z',
    ...over,
  }
}

export function invitation(over: Partial<InvitationView> = {}): InvitationView {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    name: '吴特派',
    roles: ['commissioner'],
    departmentId: null,
    departmentName: null,
    createdAt: '2026-12-01T02:00:00.000Z',
    expiresAt: '2026-12-04T02:00:00.000Z',
    status: 'open',
    redeemedByName: null,
    ...over,
  }
}

export function calendarView(over: Partial<CalendarView> = {}): CalendarView {
  return { year: 2026, source: 'district', confirmed: true, confirmedAt: '2025-11-20T02:00:00.000Z', confirmedByName: '王管理员', days: [], ...over }
}
