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

/** A subpackage's page. */
const sub = (pkg: string, page: string) => `/packages/${pkg}/pages/${page}/index`

function entry(id: string, label: string, glyph: string, url: string, more: Pick<HomeEntry, 'tab' | 'count'> = {}): HomeEntry {
  return { id: `entry-${id}`, label, glyph, url, ...more }
}

const E = {
  card: entry('card', '服务卡', '卡', '/pages/card/index', { tab: true }),
  sessions: entry('sessions', '预约服务', '约', '/pages/sessions/index', { tab: true }),
  bookings: entry('bookings', '我的预约', '期', sub('holder', 'bookings')),
  problems: entry('problems', '我的诉求', '诉', sub('holder', 'problems')),
  ratings: entry('ratings', '服务评价', '评', sub('holder', 'ratings'), { count: 'ratings' }),
  surveys: entry('surveys', '问卷调查', '卷', sub('survey', 'index')),
  verify: entry('verify', '扫码核验', '验', sub('staff', 'verify')),
  desk: entry('desk', '今日服务台', '台', sub('staff', 'desk')),
  homeVisits: entry('home-visits', '上门服务', '访', sub('staff', 'home-visits')),
  staffProblems: entry('staff-problems', '诉求受理', '受', sub('staff', 'problems')),
  handlerInbox: entry('handler-inbox', '部门诉求办理', '办', sub('handler', 'inbox'), { count: 'signing' }),
  rectifications: entry('handler-rectifications', '差评整改', '改', sub('handler', 'rectifications')),
  commissioner: entry('commissioner', '联系企业', '联', sub('commissioner', 'assignees')),
  ledger: entry('leader-ledger', '诉求台帐', '帐', sub('leader', 'ledger')),
  dashboard: entry('leader-dashboard', '领导驾驶舱', '览', sub('leader', 'dashboard')),
  report: entry('leader-report', '月度报表', '报', sub('leader', 'report')),
  scores: entry('leader-scores', '评价统计', '统', sub('leader', 'scores')),
  policies: entry('policies', '政策直通车', '策', sub('policy', 'index')),
  policyManage: entry('policy-manage', '政策发布', '发', sub('policy', 'manage')),
  inbox: entry('inbox', '消息中心', '信', sub('user', 'inbox'), { count: 'unread' }),
  appeals: entry('admin-appeals', '评价申诉裁决', '裁', sub('admin', 'appeals')),
  dispatch: entry('admin-dispatch', '诉求交办', '交', sub('admin', 'dispatch')),
  adminCards: entry('admin-cards', '服务卡管理', '管', sub('admin', 'cards')),
  stations: entry('admin-stations', '站点与场次', '站', sub('admin', 'stations')),
  issue: entry('admin-issue', '发卡', '新', sub('admin', 'issue')),
  org: entry('admin-org', '行政区设置', '区', sub('admin', 'org')),
  departments: entry('admin-departments', '部门管理', '部', sub('admin', 'departments')),
  people: entry('admin-people', '人员与邀请', '人', sub('admin', 'people')),
  commissioners: entry('admin-commissioners', '特派员联系对象', '特', sub('admin', 'commissioners')),
  calendar: entry('admin-calendar', '节假日安排', '历', sub('admin', 'calendar')),
  syncFlags: entry('sync-flags', '离线核验异常', '异', sub('admin', 'sync-flags')),
  audit: entry('admin-audit', '操作记录', '记', sub('admin', 'audit')),
}

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
