import { ROLES, type Role } from './roles'

/** What a home tile shows beside its name: 待评价 N, 待签收 N, unread messages. */
export type HomeCount = 'ratings' | 'signing' | 'unread'

export interface HomeEntry {
  /** The element id (e2e tests tap these). */
  id: string
  label: string
  /** One character drawn in the tile's coloured square: no image to load. */
  glyph: string
  url: string
  /** A tab page, opened with switchTab. */
  tab?: boolean
  count?: HomeCount
}

const E = {
  card: { id: 'entry-card', label: '服务卡', glyph: '卡', url: '/pages/card/index', tab: true },
  sessions: { id: 'entry-sessions', label: '预约服务', glyph: '约', url: '/pages/sessions/index', tab: true },
  bookings: { id: 'entry-bookings', label: '我的预约', glyph: '期', url: '/packages/holder/pages/bookings/index' },
  problems: { id: 'entry-problems', label: '我的诉求', glyph: '诉', url: '/packages/holder/pages/problems/index' },
  ratings: { id: 'entry-ratings', label: '服务评价', glyph: '评', url: '/packages/holder/pages/ratings/index', count: 'ratings' },
  surveys: { id: 'entry-surveys', label: '问卷调查', glyph: '卷', url: '/packages/survey/pages/index/index' },
  verify: { id: 'entry-verify', label: '扫码核验', glyph: '验', url: '/packages/staff/pages/verify/index' },
  desk: { id: 'entry-desk', label: '今日服务台', glyph: '台', url: '/packages/staff/pages/desk/index' },
  homeVisits: { id: 'entry-home-visits', label: '上门服务', glyph: '访', url: '/packages/staff/pages/home-visits/index' },
  staffProblems: { id: 'entry-staff-problems', label: '诉求受理', glyph: '受', url: '/packages/staff/pages/problems/index' },
  handlerInbox: { id: 'entry-handler-inbox', label: '部门诉求办理', glyph: '办', url: '/packages/handler/pages/inbox/index', count: 'signing' },
  rectifications: { id: 'entry-handler-rectifications', label: '差评整改', glyph: '改', url: '/packages/handler/pages/rectifications/index' },
  commissioner: { id: 'entry-commissioner', label: '联系企业', glyph: '联', url: '/packages/commissioner/pages/assignees/index' },
  ledger: { id: 'entry-leader-ledger', label: '诉求台帐', glyph: '帐', url: '/packages/leader/pages/ledger/index' },
  dashboard: { id: 'entry-leader-dashboard', label: '领导驾驶舱', glyph: '览', url: '/packages/leader/pages/dashboard/index' },
  report: { id: 'entry-leader-report', label: '月度报表', glyph: '报', url: '/packages/leader/pages/report/index' },
  scores: { id: 'entry-leader-scores', label: '评价统计', glyph: '统', url: '/packages/leader/pages/scores/index' },
  policies: { id: 'entry-policies', label: '政策直通车', glyph: '策', url: '/packages/policy/pages/index/index' },
  policyManage: { id: 'entry-policy-manage', label: '政策发布', glyph: '发', url: '/packages/policy/pages/manage/index' },
  inbox: { id: 'entry-inbox', label: '消息中心', glyph: '信', url: '/packages/user/pages/inbox/index', count: 'unread' },
  appeals: { id: 'entry-admin-appeals', label: '评价申诉裁决', glyph: '裁', url: '/packages/admin/pages/appeals/index' },
  dispatch: { id: 'entry-admin-dispatch', label: '诉求交办', glyph: '交', url: '/packages/admin/pages/dispatch/index' },
  adminCards: { id: 'entry-admin-cards', label: '服务卡管理', glyph: '管', url: '/packages/admin/pages/cards/index' },
  stations: { id: 'entry-admin-stations', label: '站点与场次', glyph: '站', url: '/packages/admin/pages/stations/index' },
  issue: { id: 'entry-admin-issue', label: '发卡', glyph: '发', url: '/packages/admin/pages/issue/index' },
  org: { id: 'entry-admin-org', label: '行政区设置', glyph: '区', url: '/packages/admin/pages/org/index' },
  departments: { id: 'entry-admin-departments', label: '部门管理', glyph: '部', url: '/packages/admin/pages/departments/index' },
  people: { id: 'entry-admin-people', label: '人员与邀请', glyph: '人', url: '/packages/admin/pages/people/index' },
  commissioners: { id: 'entry-admin-commissioners', label: '特派员联系对象', glyph: '特', url: '/packages/admin/pages/commissioners/index' },
  calendar: { id: 'entry-admin-calendar', label: '节假日安排', glyph: '历', url: '/packages/admin/pages/calendar/index' },
  syncFlags: { id: 'entry-sync-flags', label: '离线核验异常', glyph: '异', url: '/packages/admin/pages/sync-flags/index' },
  audit: { id: 'entry-admin-audit', label: '操作记录', glyph: '记', url: '/packages/admin/pages/audit/index' },
} satisfies Record<string, HomeEntry>

type EntryKey = keyof typeof E

/** Each role's entries, its main jobs first (the first four are the simpler home of 适老化 mode). */
const ROLE_ENTRIES: Record<Role, EntryKey[]> = {
  holder: ['card', 'sessions', 'problems', 'ratings', 'bookings', 'surveys'],
  staff: ['verify', 'desk', 'staffProblems', 'homeVisits'],
  handler: ['handlerInbox', 'rectifications', 'scores', 'policyManage', 'surveys', 'syncFlags'],
  commissioner: ['commissioner'],
  leader: ['dashboard', 'ledger', 'report', 'scores', 'surveys'],
  admin: [
    'dispatch',
    'stations',
    'adminCards',
    'people',
    'desk',
    'homeVisits',
    'staffProblems',
    'ledger',
    'dashboard',
    'report',
    'scores',
    'appeals',
    'issue',
    'org',
    'departments',
    'commissioners',
    'calendar',
    'syncFlags',
    'audit',
    'surveys',
    'policyManage',
  ],
}

/** Everyone signed in reads policies and messages. */
const COMMON: EntryKey[] = ['policies', 'inbox']

/** The survey entry says what the role does there: answer, build or read the results. */
function surveysLabel(roles: readonly Role[]): string {
  if (roles.includes('admin')) return '企业评判问卷'
  return roles.includes('holder') ? '问卷调查' : '问卷结果'
}

/**
 * The home tiles of someone with `roles`: each role's entries in the order of ROLES (a holder who is also staff sees
 * the card first), no entry twice, then policies and messages.
 */
export function homeEntries(roles: readonly Role[]): HomeEntry[] {
  const keys = new Set<EntryKey>()
  for (const role of ROLES) if (roles.includes(role)) for (const key of ROLE_ENTRIES[role]) keys.add(key)
  for (const key of COMMON) keys.add(key)
  return [...keys].map((key) => (key === 'surveys' ? { ...E.surveys, label: surveysLabel(roles) } : E[key]))
}

/** 适老化 mode's simpler home: the four main jobs of the person's first role (messages stay behind 全部服务). */
export function mainEntries(roles: readonly Role[]): HomeEntry[] {
  return homeEntries(roles).slice(0, 4)
}

/**
 * The second and third tabs (pages/sessions and pages/card) as the person can use them: holders (and newcomers, who
 * may get a card) book and show their card; everyone else gets a 工作台 of their work and their messages.
 */
export function workTabs(roles: readonly Role[]): boolean {
  return roles.length > 0 && !roles.includes('holder')
}
