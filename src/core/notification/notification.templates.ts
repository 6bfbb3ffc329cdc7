import type { Role } from '../auth/roles'
import { isIsoDate, type InstantInput } from '../calendar/shanghai-time'
import { chineseDate, chineseDateTime, instantOrNull, wechatData, type WechatData, type WechatFieldMap } from './notification.wechat'

/**
 * Every notification the product sends (DESIGN.md §2 "Notifications"): its key (stored in `outbox.template`), its
 * Chinese title, who receives it, how the in-app message (消息中心) reads, and which facts fill a WeChat subscribe
 * message. Keys already enqueued by the backend keep their exact spelling; rows stored under them must keep rendering.
 *
 * Zod-free and small: the main package imports it to render the message center.
 */
export const NOTIFICATION_TEMPLATES = [
  'booking.confirmed',
  'booking.reminder',
  'session.cancelled',
  'homeVisit.scheduled',
  'problem.received',
  'problem.answered',
  'problem.assigned',
  'problem.signed',
  'problem.resolved',
  'problem.overdue',
  'problem.escalated',
  'problem.sentBack',
  'rating.bad',
  'rectification.due',
  'rating.appealed',
  'rating.appealDecided',
  'report.ready',
  'commissioner.contactOverdue',
  'policy.published',
  'policy.deadline',
  'survey.reminder',
  'forum.topicDecided',
] as const
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number]

export function isNotificationTemplate(key: unknown): key is NotificationTemplate {
  return typeof key === 'string' && (NOTIFICATION_TEMPLATES as readonly string[]).includes(key)
}

/** What the enqueuing code stores as `data`, per template (instants are ISO strings, dates 'YYYY-MM-DD'). */
export interface BookingNoticeData {
  bookingId: string
  sessionId: string
  /** Start of the booked slot. */
  start: string
  topic: string
  stationName?: string
}

export interface ProblemNoticeData {
  problemId: string
  number: string
  title: string
  status: string
  departmentName?: string | null
  /** problem.overdue: which deadline was missed. */
  deadline?: 'sign' | 'resolve'
  /** problem.sentBack: the department's reason. */
  reason?: string
  /** problem.assigned: the copy of the responsible leader (一个问题、一名领导), who follows it and signs for nothing. */
  forLeader?: boolean
}

export interface NotificationDataMap {
  'booking.confirmed': BookingNoticeData
  'booking.reminder': BookingNoticeData
  'session.cancelled': { bookingId: string; sessionId: string; date: string; reason: string }
  'homeVisit.scheduled': { requestId: string; date: string; topic: string }
  'problem.received': ProblemNoticeData
  'problem.answered': ProblemNoticeData
  'problem.assigned': ProblemNoticeData
  'problem.signed': ProblemNoticeData
  'problem.resolved': ProblemNoticeData
  'problem.overdue': ProblemNoticeData
  'problem.escalated': ProblemNoticeData
  'problem.sentBack': ProblemNoticeData
  'rating.bad': {
    ratingId: string
    targetType: 'visit' | 'problem'
    /** The lowest of the three levels (1–2 for a bad rating). */
    lowest: number
    departmentName?: string | null
    returnVisitBy: string
    rectifyBy: string
  }
  'rectification.due': { ratingId: string; deadline: 'returnVisit' | 'rectify'; dueBy: string; departmentName?: string | null }
  'rating.appealed': { ratingId: string; reason: string; appealedAt: string; departmentName?: string | null }
  'rating.appealDecided': {
    ratingId: string
    outcome: 'upheld' | 'removed'
    reason: string
    departmentName?: string | null
    /** Whether the removal withdrew an open rectification (one already rectified stays as it was). */
    taskWithdrawn?: boolean
  }
  'report.ready': { month: string }
  'commissioner.contactOverdue': { holderId: string; holderName: string; lastContactAt: string | null; daysSinceContact: number | null }
  /** 政策直通车: a new policy matching the holder's profile; `kind` is a PolicyKind key, `applyBy` the 申报截止 if any. */
  'policy.published': { policyId: string; title: string; kind: string; issuer: string; applyBy: string | null }
  'policy.deadline': { policyId: string; title: string; applyBy: string }
  'survey.reminder': { surveyId: string; title: string; closesOn: string }
  /** 政企座谈会: what became of a topic the holder raised; `number` is the problem's when it became one. */
  'forum.topicDecided': { sessionId: string; title: string; outcome: 'settled' | 'problem'; number: string | null }
}
export type NotificationData<K extends NotificationTemplate> = NotificationDataMap[K]

/**
 * Named facts of a message, what a WeChat field map refers to: `subject` (what it is about), `number` (ledger number),
 * `time` (ISO instant or date; the message time when absent), `state` (≤ 5 汉字), `note` (a remark), `department`.
 */
export const MESSAGE_FACTS = ['title', 'subject', 'number', 'time', 'state', 'note', 'department'] as const
export type MessageFact = (typeof MESSAGE_FACTS)[number]
export type MessageFacts = Partial<Record<MessageFact, string>>

export interface RenderedMessage {
  title: string
  body: string
}

export interface TemplateEntry {
  /** Chinese title of the message (and of the subscribe-message template to pick in the WeChat console). */
  title: string
  /** Roles that receive it; who exactly is decided where it is enqueued. */
  audience: readonly Role[]
  audienceHint: string
  /** The in-app message. Never throws: stored data may lack fields or hold anything. */
  render(data: unknown): RenderedMessage
  facts(data: unknown): MessageFacts
  /** Default layout of the WeChat template; configuration may supply another (see `WechatTemplateConfig`). */
  wechatFields: WechatFieldMap
  /** Page to open on tap, without a leading slash (WeChat's `page`), or null for the message center. */
  link(data: unknown): string | null
}

type Data = Record<string, unknown>

const asData = (data: unknown): Data => (typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Data) : {})

/** A non-empty text (numbers are accepted as text), else undefined. */
function str(d: Data, key: string): string | undefined {
  const value = d[key]
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  return text === '' ? undefined : text
}

/** An ISO instant (normalised) or date, else undefined. */
function whenOf(d: Data, key: string): string | undefined {
  const value = str(d, key)
  if (value === undefined) return undefined
  if (isIsoDate(value)) return value
  return instantOrNull(value)?.toISOString()
}

function count(d: Data, key: string): number | undefined {
  const value = d[key]
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined
}

/** How a time reads in a message: 2026年10月1日 09:30, or 2026年10月1日 for a date. */
export function shownTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (isIsoDate(value)) return chineseDate(value)
  const instant = instantOrNull(value)
  return instant ? chineseDateTime(instant) : undefined
}

function shownMonth(month: string | undefined): string | undefined {
  const m = month === undefined ? null : /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month)
  return m ? `${m[1]}年${Number(m[2])}月` : undefined
}

/** 「厂房用地指标」（P2026-000123）, or whichever part is known. */
function problemRef(d: Data): string {
  const title = str(d, 'title')
  const number = str(d, 'number')
  if (title && number) return `「${title}」（${number}）`
  if (title) return `「${title}」`
  return number ? `（${number}）` : ''
}

const policyLink = (d: Data) => {
  const id = str(d, 'policyId')
  return id ? `packages/policy/pages/detail/index?id=${encodeURIComponent(id)}` : null
}

/** 惠企政策 etc. by PolicyKind key (policy.labels.ts), without importing the policies' labels into the main package. */
const POLICY_KIND_WORDS: Record<string, string> = { benefit: '惠企政策', interpretation: '政策解读', guide: '办事指南', industryNews: '产业动态' }

const problemLink = (d: Data) => {
  const id = str(d, 'problemId')
  return id ? `pages/problems/detail?id=${encodeURIComponent(id)}` : null
}

interface Spec {
  title: string
  audience: readonly Role[]
  audienceHint: string
  facts: (d: Data) => MessageFacts
  body: (d: Data) => string
  wechatFields: WechatFieldMap
  link?: (d: Data) => string | null
}

function entry(spec: Spec): TemplateEntry {
  return {
    title: spec.title,
    audience: spec.audience,
    audienceHint: spec.audienceHint,
    render: (data) => ({ title: spec.title, body: spec.body(asData(data)) }),
    facts: (data) => ({ title: spec.title, ...spec.facts(asData(data)) }),
    wechatFields: spec.wechatFields,
    link: (data) => (spec.link ? spec.link(asData(data)) : null),
  }
}

const PROBLEM_FIELDS: WechatFieldMap = { character_string1: 'number', thing2: 'subject', phrase3: 'state', time4: 'time', thing5: 'note' }

/** The notices about one problem differ only in who hears and what happened. */
function problemEntry(title: string, state: string, audience: readonly Role[], audienceHint: string, body: (ref: string, d: Data) => string, note: (d: Data) => string): TemplateEntry {
  return entry({
    title,
    audience,
    audienceHint,
    facts: (d) => ({ subject: str(d, 'title'), number: str(d, 'number'), state, note: note(d), department: str(d, 'departmentName') }),
    body: (d) => body(problemRef(d), d),
    wechatFields: PROBLEM_FIELDS,
    link: problemLink,
  })
}

const bookingFacts = (state: string, note: string) => (d: Data) => ({ subject: str(d, 'topic') ?? '流动政务服务', time: whenOf(d, 'start'), state, note })
const atTime = (d: Data, key: string) => (shownTime(whenOf(d, key)) ? `于${shownTime(whenOf(d, key))}` : '')
const topicOf = (d: Data) => (str(d, 'topic') ? `，事项：${str(d, 'topic')}` : '')
const deptOf = (d: Data, fallback: string) => str(d, 'departmentName') ?? fallback

export const NOTIFICATION_CATALOGUE: Record<NotificationTemplate, TemplateEntry> = {
  'booking.confirmed': entry({
    title: '预约成功',
    audience: ['holder'],
    audienceHint: '预约的持卡人',
    facts: bookingFacts('预约成功', '请按时到场并出示服务卡'),
    body: (d) => `您已成功预约${shownTime(whenOf(d, 'start')) ? `${shownTime(whenOf(d, 'start'))}的` : ''}流动政务服务${str(d, 'stationName') ? `（${str(d, 'stationName')}）` : ''}${topicOf(d)}。请按时到场并出示服务卡。`,
    wechatFields: { thing1: 'subject', time2: 'time', phrase3: 'state', thing4: 'note' },
    link: () => 'pages/bookings/index',
  }),
  'booking.reminder': entry({
    title: '服务提醒',
    audience: ['holder'],
    audienceHint: '预约的持卡人（服务前一天09:00）',
    facts: bookingFacts('即将开始', '请按时到场并出示服务卡'),
    body: (d) => `您预约的流动政务服务${atTime(d, 'start') ? `将${atTime(d, 'start')}` : '即将'}开始${topicOf(d)}。请按时到场并出示服务卡，如不能前往请提前取消。`,
    wechatFields: { thing1: 'subject', time2: 'time', thing3: 'note' },
    link: () => 'pages/bookings/index',
  }),
  'session.cancelled': entry({
    title: '场次取消',
    audience: ['holder'],
    audienceHint: '该场次已预约的持卡人',
    facts: (d) => ({ subject: '流动政务服务', time: whenOf(d, 'date'), state: '已取消', note: str(d, 'reason') }),
    body: (d) =>
      `很抱歉，您预约的${shownTime(whenOf(d, 'date')) ?? ''}流动政务服务场次已取消${str(d, 'reason') ? `，原因：${str(d, 'reason')}` : ''}。您的预约已自动取消，请另选场次。`,
    wechatFields: { thing1: 'subject', date2: 'time', thing3: 'note' },
    link: () => 'pages/sessions/index',
  }),
  'homeVisit.scheduled': entry({
    title: '上门服务已安排',
    audience: ['holder'],
    audienceHint: '申请上门服务的持卡人',
    facts: (d) => ({ subject: str(d, 'topic') ?? '上门服务', time: whenOf(d, 'date'), state: '已安排', note: '工作人员将按约上门' }),
    body: (d) => `工作人员将${atTime(d, 'date') || '按约'}上门服务${topicOf(d)}。如需改期请联系服务站。`,
    wechatFields: { thing1: 'subject', date2: 'time', thing3: 'note' },
  }),
  'problem.received': problemEntry(
    '诉求已收到',
    '已受理',
    ['holder'],
    '提出诉求的持卡人',
    (ref) => `您的诉求${ref}已收到，能当场答复的将尽快答复，需交办的将转责任部门办理。`,
    () => '我们会尽快答复',
  ),
  'problem.answered': problemEntry(
    '诉求已答复',
    '已答复',
    ['holder'],
    '提出诉求的持卡人',
    (ref) => `您的诉求${ref}已答复，请查看答复内容并进行评价。`,
    () => '请查看答复并评价',
  ),
  'problem.assigned': problemEntry(
    '新交办诉求',
    '待签收',
    ['handler', 'leader'],
    '责任部门的经办人；指定的责任领导',
    (ref, d) =>
      d.forLeader === true
        ? `诉求${ref}已交办${deptOf(d, '责任部门')}办理，您是该诉求的责任领导，请关注办理进展。`
        : `诉求${ref}已交办给你部门，请及时签收并按时办结。`,
    (d) => (d.forLeader === true ? '请关注办理进展' : '请及时签收'),
  ),
  'problem.signed': problemEntry(
    '诉求已签收',
    '已签收',
    ['holder'],
    '提出诉求的持卡人',
    (ref, d) => `您的诉求${ref}已由${deptOf(d, '责任部门')}签收办理。`,
    (d) => `${deptOf(d, '责任部门')}办理中`,
  ),
  'problem.resolved': problemEntry(
    '诉求已办结',
    '已办结',
    ['holder'],
    '提出诉求的持卡人',
    (ref) => `您的诉求${ref}已办结，请查看办理结果，确认销号或申请重新办理，并进行评价。`,
    () => '请确认办理结果',
  ),
  'problem.overdue': problemEntry(
    '诉求超期',
    '已超期',
    ['leader'],
    '包案领导（未指定时为区领导）',
    (ref, d) => {
      const missed = d.deadline === 'sign' ? '未在时限内签收' : d.deadline === 'resolve' ? '未在时限内办结' : '已超过办理时限'
      return `诉求${ref}${missed}${str(d, 'departmentName') ? `（责任部门：${str(d, 'departmentName')}）` : ''}，请督促办理。`
    },
    (d) => (d.deadline === 'sign' ? '超期未签收' : d.deadline === 'resolve' ? '超期未办结' : '请督促办理'),
  ),
  'problem.escalated': problemEntry(
    '特派员专报',
    '已专报',
    ['leader'],
    '区领导、组织部和督查室',
    (ref) => `特派员就诉求${ref}提交了专报，请阅示并督办。`,
    () => '请阅示并督办',
  ),
  'problem.sentBack': problemEntry(
    '诉求被退回',
    '已退回',
    ['admin'],
    '交办诉求的管理员',
    (ref, d) => `诉求${ref}被责任部门退回${str(d, 'reason') ? `，理由：${str(d, 'reason')}` : ''}，请重新交办。`,
    (d) => str(d, 'reason') ?? '请重新交办',
  ),
  'rating.bad': entry({
    title: '差评提醒',
    audience: ['handler', 'leader'],
    audienceHint: '被评价部门的经办人和区领导',
    facts: (d) => ({
      subject: `${deptOf(d, '')}收到差评`,
      time: whenOf(d, 'returnVisitBy'),
      state: '待整改',
      note: '请按时回访并整改答复',
      department: str(d, 'departmentName'),
    }),
    body: (d) => {
      const what = d.targetType === 'problem' ? '诉求办理' : d.targetType === 'visit' ? '服务站服务' : undefined
      const who = [str(d, 'departmentName'), what].filter(Boolean).join('的') || '您部门'
      const lowest = count(d, 'lowest')
      const steps = [atTime(d, 'returnVisitBy') && `${atTime(d, 'returnVisitBy')}前完成回访`, atTime(d, 'rectifyBy') && `${atTime(d, 'rectifyBy')}前完成整改并答复`]
      const asked = steps.filter(Boolean).join('，') || '按时回访、整改并答复'
      return `${who}收到一条差评${lowest ? `（最低${lowest}分）` : ''}。请${asked}。`
    },
    wechatFields: { thing1: 'subject', phrase2: 'state', time3: 'time', thing4: 'note' },
  }),
  'rectification.due': entry({
    title: '差评整改超期',
    audience: ['handler', 'leader'],
    audienceHint: '整改部门的经办人和区领导',
    facts: (d) => ({
      subject: d.deadline === 'returnVisit' ? '差评回访' : d.deadline === 'rectify' ? '差评整改答复' : '差评整改',
      time: whenOf(d, 'dueBy'),
      state: '已超期',
      note: '请尽快处理',
      department: str(d, 'departmentName'),
    }),
    body: (d) => {
      const step = d.deadline === 'returnVisit' ? '回访' : d.deadline === 'rectify' ? '整改答复' : '整改'
      const due = shownTime(whenOf(d, 'dueBy'))
      return `${deptOf(d, '')}一条差评的${step}时限${due ? `（${due}）` : ''}已过，请尽快处理。`
    },
    wechatFields: { thing1: 'subject', time2: 'time', phrase3: 'state', thing4: 'note' },
  }),
  'rating.appealed': entry({
    title: '差评申诉待裁决',
    audience: ['admin'],
    audienceHint: '管理员',
    facts: (d) => ({ subject: `${deptOf(d, '')}申诉差评`, time: whenOf(d, 'appealedAt'), state: '待裁决', note: str(d, 'reason'), department: str(d, 'departmentName') }),
    body: (d) => `${deptOf(d, '有部门')}对一条差评提出申诉${str(d, 'reason') ? `，理由：${str(d, 'reason')}` : ''}。请核查后维持或撤销该评价。`,
    wechatFields: { thing1: 'subject', time2: 'time', phrase3: 'state', thing4: 'note' },
    link: () => 'packages/admin/pages/appeals/index',
  }),
  'rating.appealDecided': entry({
    title: '差评申诉已裁决',
    audience: ['handler'],
    audienceHint: '申诉部门的经办人',
    facts: (d) => ({ subject: '差评申诉', state: d.outcome === 'removed' ? '评价已撤销' : '维持评价', note: str(d, 'reason'), department: str(d, 'departmentName') }),
    body: (d) => {
      const why = str(d, 'reason') ? `（${str(d, 'reason')}）` : ''
      return d.outcome === 'removed'
        ? `${deptOf(d, '您部门')}申诉的差评已撤销${why}，不再计入考核${d.taskWithdrawn === true ? '，整改任务同时撤销' : ''}。`
        : `${deptOf(d, '您部门')}申诉的差评维持原评价${why}，请继续按时回访、整改并答复。`
    },
    wechatFields: { thing1: 'subject', phrase2: 'state', thing3: 'note' },
    link: () => 'packages/handler/pages/rectifications/index',
  }),
  'report.ready': entry({
    title: '月度报表已生成',
    audience: ['leader'],
    audienceHint: '区领导',
    facts: (d) => ({ subject: `${shownMonth(str(d, 'month')) ?? ''}诉求办理月报`, state: '已生成', note: '可在小程序中查看并导出' }),
    body: (d) => `${shownMonth(str(d, 'month')) ?? '上月'}各部门诉求办理月报已生成，可在小程序中查看并导出。`,
    wechatFields: { thing1: 'subject', time2: 'time', thing3: 'note' },
  }),
  'commissioner.contactOverdue': entry({
    title: '联系提醒',
    audience: ['commissioner'],
    audienceHint: '负责联系的特派员',
    facts: (d) => ({ subject: str(d, 'holderName') ?? '联系对象', time: whenOf(d, 'lastContactAt'), state: '待联系', note: '请尽快联系并登记' }),
    body: (d) => {
      const days = count(d, 'daysSinceContact')
      const last = shownTime(whenOf(d, 'lastContactAt'))
      const since = days !== undefined ? `已${days}天未联系` : last ? '已超过联系周期' : '尚无联系记录'
      return `您负责联系的${str(d, 'holderName') ?? '企业'}${since}${last ? `（上次联系：${last}）` : ''}，请尽快联系并登记。`
    },
    wechatFields: { thing1: 'subject', time2: 'time', thing3: 'note' },
    link: () => 'packages/commissioner/pages/assignees/index',
  }),
  'policy.published': entry({
    title: '政策直通车',
    audience: ['holder'],
    audienceHint: '企业画像与政策标签相符的持卡人（每项政策一次）',
    facts: (d) => ({
      subject: str(d, 'title'),
      time: whenOf(d, 'applyBy'),
      state: '新发布',
      note: str(d, 'applyBy') ? `申报截止${shownTime(whenOf(d, 'applyBy')) ?? ''}` : '点击查看政策全文',
    }),
    body: (d) => {
      const what = POLICY_KIND_WORDS[str(d, 'kind') ?? ''] ?? '政策'
      const by = str(d, 'issuer') ? `${str(d, 'issuer')}发布了` : '新发布'
      const due = shownTime(whenOf(d, 'applyBy'))
      return `${by}与您企业相关的${what}${str(d, 'title') ? `「${str(d, 'title')}」` : ''}${due ? `，申报截止${due}` : ''}。点击查看全文，有疑问可一键咨询。`
    },
    wechatFields: { thing1: 'subject', phrase2: 'state', thing3: 'note' },
    link: policyLink,
  }),
  'policy.deadline': entry({
    title: '政策申报即将截止',
    audience: ['holder'],
    audienceHint: '查看过该政策且画像相符的持卡人（截止前3个工作日）',
    facts: (d) => ({ subject: str(d, 'title'), time: whenOf(d, 'applyBy'), state: '即将截止', note: '请尽快准备材料申报' }),
    body: (d) => {
      const due = shownTime(whenOf(d, 'applyBy'))
      return `您查看过的政策${str(d, 'title') ? `「${str(d, 'title')}」` : ''}申报${due ? `将于${due}` : '即将'}截止，请尽快准备材料申报。`
    },
    wechatFields: { thing1: 'subject', time2: 'time', thing3: 'note' },
    link: policyLink,
  }),
  'survey.reminder': entry({
    title: '问卷填写提醒',
    audience: ['holder'],
    audienceHint: '尚未填写问卷的持卡人（管理员提醒，每天至多一次）',
    facts: (d) => ({ subject: str(d, 'title'), time: whenOf(d, 'closesOn'), state: '待填写', note: '请在截止前填写' }),
    body: (d) => `贵单位尚未填写${str(d, 'title') ? `「${str(d, 'title')}」` : '问卷'}${atTime(d, 'closesOn') ? `，问卷将${atTime(d, 'closesOn')}截止` : ''}，请抽空填写。`,
    wechatFields: { thing1: 'subject', time2: 'time', thing3: 'note' },
    link: (d) => (str(d, 'surveyId') ? `packages/survey/pages/answer/index?id=${encodeURIComponent(str(d, 'surveyId')!)}` : null),
  }),
  'forum.topicDecided': entry({
    title: '座谈会议题处理结果',
    audience: ['holder'],
    audienceHint: '提交议题的持卡人',
    facts: (d) => ({ subject: str(d, 'title'), number: str(d, 'number'), state: d.outcome === 'problem' ? '转为诉求' : '当场解决', note: '点击查看处理结果' }),
    body: (d) => {
      const what = `您在座谈会上提出的议题${str(d, 'title') ? `「${str(d, 'title')}」` : ''}`
      return d.outcome === 'problem' ? `${what}已转为诉求${str(d, 'number') ? `（${str(d, 'number')}）` : ''}，由责任部门限时办理。` : `${what}已在会上答复解决。`
    },
    wechatFields: { thing1: 'subject', phrase2: 'state', thing3: 'note' },
    link: (d) => (str(d, 'sessionId') ? `packages/survey/pages/forum/index?id=${encodeURIComponent(str(d, 'sessionId')!)}` : null),
  }),
}

const UNKNOWN: RenderedMessage = { title: '系统通知', body: '您有一条新消息。' }

/** The in-app message of a stored notification; a key no longer in the catalogue still shows something. */
export function renderNotification(template: string, data: unknown): RenderedMessage {
  return isNotificationTemplate(template) ? NOTIFICATION_CATALOGUE[template].render(data) : UNKNOWN
}

/**
 * When the mini program asks for consent (wx.requestSubscribeMessage, from a tap, ≤ 3 templates per request, one
 * consent = one message): the templates that matter right after that moment.
 */
export const SUBSCRIBE_MOMENTS = {
  afterBooking: ['booking.confirmed', 'booking.reminder', 'session.cancelled'],
  afterProblem: ['problem.answered', 'problem.signed', 'problem.resolved'],
  afterHomeVisit: ['homeVisit.scheduled'],
  leaderDashboard: ['problem.overdue', 'problem.escalated', 'report.ready'],
  handlerInbox: ['problem.assigned', 'rating.bad', 'rectification.due'],
  commissionerAssignees: ['commissioner.contactOverdue'],
  policyProfile: ['policy.published', 'policy.deadline'],
} as const satisfies Record<string, readonly NotificationTemplate[]>
export type SubscribeMoment = keyof typeof SUBSCRIBE_MOMENTS

export const MAX_TEMPLATES_PER_REQUEST = 3

/** One WeChat template picked in the console for a template key; `fields` when its layout differs from the default. */
export interface WechatTemplateConfig {
  templateId: string
  fields?: WechatFieldMap
}
export type WechatTemplateConfigs = Partial<Record<NotificationTemplate, WechatTemplateConfig>>

/** What to ask for at a moment: only templates configured with an id (none in local mode). */
export function subscribeRequest(moment: SubscribeMoment, configs: WechatTemplateConfigs): { templateKeys: NotificationTemplate[]; tmplIds: string[] } {
  const templateKeys = SUBSCRIBE_MOMENTS[moment].filter((key) => Boolean(configs[key]?.templateId)).slice(0, MAX_TEMPLATES_PER_REQUEST)
  return { templateKeys, tmplIds: templateKeys.map((key) => configs[key]!.templateId) }
}

/** The keys the user accepted, from wx.requestSubscribeMessage's result ({ [tmplId]: 'accept' | 'reject' | 'ban' | 'filter' }). */
export function acceptedTemplates(request: { templateKeys: readonly NotificationTemplate[]; tmplIds: readonly string[] }, result: Readonly<Record<string, unknown>>): NotificationTemplate[] {
  return request.templateKeys.filter((_, i) => result[request.tmplIds[i]] === 'accept')
}

export interface WechatMessage {
  templateId: string
  page: string | null
  data: WechatData
}

/**
 * The subscribe message of a stored notification, or null when the key has no WeChat template configured (it stays in
 * the message center). `at` is the notification's creation time, shown when a time field has no value of its own.
 */
export function wechatMessage(template: string, data: unknown, config: WechatTemplateConfig | undefined, at: InstantInput): WechatMessage | null {
  if (!config?.templateId || !isNotificationTemplate(template)) return null
  return { templateId: config.templateId, page: NOTIFICATION_CATALOGUE[template].link(data), data: wechatMessageData(template, data, at, config.fields) }
}

/** Just the `data` of the subscribe message of a template (the default field layout unless `fields` is given). */
export function wechatMessageData(template: NotificationTemplate, data: unknown, at: InstantInput, fields?: WechatFieldMap): WechatData {
  const entry = NOTIFICATION_CATALOGUE[template]
  return wechatData(fields ?? entry.wechatFields, entry.facts(data), at)
}
