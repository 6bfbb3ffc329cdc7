import {
  acceptedTemplates,
  isNotificationTemplate,
  MAX_TEMPLATES_PER_REQUEST,
  MESSAGE_FACTS,
  NOTIFICATION_CATALOGUE,
  NOTIFICATION_TEMPLATES,
  renderNotification,
  subscribeRequest,
  SUBSCRIBE_MOMENTS,
  wechatMessage,
  wechatMessageData,
  type NotificationDataMap,
  type NotificationTemplate,
} from './notification.templates'
import { checkWechatFieldMap, wechatFieldKind } from './notification.wechat'

const at = '2026-10-13T01:30:00Z'
const problem = { problemId: 'a1b2', number: 'P2026-000123', title: '厂房用地指标迟迟未落实', status: 'assigned' }

/** Realistic data of each template, as the backend stores it. */
const SAMPLES: { [K in NotificationTemplate]: NotificationDataMap[K] } = {
  'booking.confirmed': { bookingId: 'b1', sessionId: 's1', start: '2026-10-14T01:00:00.000Z', topic: '融资对接' },
  'booking.reminder': { bookingId: 'b1', sessionId: 's1', start: '2026-10-14T01:00:00.000Z', topic: '融资对接' },
  'session.cancelled': { bookingId: 'b1', sessionId: 's1', date: '2026-10-14', reason: '台风预警' },
  'homeVisit.scheduled': { requestId: 'h1', date: '2026-10-20', topic: '用工备案' },
  'problem.received': problem,
  'problem.answered': { ...problem, status: 'answered' },
  'problem.assigned': problem,
  'problem.signed': { ...problem, status: 'in_progress', departmentName: '区自然资源局' },
  'problem.resolved': { ...problem, status: 'resolved' },
  'problem.overdue': { ...problem, deadline: 'sign' },
  'problem.escalated': problem,
  'problem.sentBack': { ...problem, status: 'deferred', reason: '不属于本部门职责' },
  'rating.bad': { ratingId: 'r1', targetType: 'problem', lowest: 1, departmentName: '区人社局', returnVisitBy: '2026-10-14T15:59:59.999Z', rectifyBy: '2026-11-03T15:59:59.999Z' },
  'rectification.due': { ratingId: 'r1', deadline: 'returnVisit', dueBy: '2026-10-14T15:59:59.999Z', departmentName: '区人社局' },
  'rating.appealed': { ratingId: 'r1', reason: '当日该企业未到窗口办事，系恶意差评', appealedAt: '2026-10-15T02:00:00.000Z', departmentName: '区行政审批服务局' },
  'rating.appealDecided': { ratingId: 'r1', outcome: 'removed', reason: '经核查签到记录，申诉成立', departmentName: '区行政审批服务局', taskWithdrawn: true },
  'report.ready': { month: '2026-09' },
  'commissioner.contactOverdue': { holderId: 'h1', holderName: '某某科技有限公司', lastContactAt: '2026-10-01T02:00:00Z', daysSinceContact: 12 },
  'policy.published': { policyId: 'p1', title: '科技型中小企业研发费用补助', kind: 'benefit', issuer: '区科学技术局', applyBy: '2026-10-30' },
  'policy.deadline': { policyId: 'p1', title: '科技型中小企业研发费用补助', applyBy: '2026-10-30' },
  'survey.reminder': { surveyId: 's1', title: '营商环境企业评价调查', closesOn: '2026-10-26' },
  'forum.topicDecided': { sessionId: 's1', title: '厂房扩建用地指标', outcome: 'problem', number: 'P2026-000042' },
}

describe('the catalogue', () => {
  it('keeps every key the backend already enqueues, spelled exactly', () => {
    // cloud/functions/bookings, stations, problems/problem-notices.ts (`problem.${ProblemNotice}`)
    const enqueued = ['booking.confirmed', 'booking.reminder', 'session.cancelled', 'homeVisit.scheduled']
    const notices = ['assigned', 'answered', 'resolved', 'escalated', 'overdue', 'sentBack'].map((n) => `problem.${n}`)
    for (const key of [...enqueued, ...notices]) expect(isNotificationTemplate(key)).toBe(true)
  })

  it('has the new keys of the notifications issue', () => {
    for (const key of ['problem.received', 'problem.signed', 'rating.bad', 'rectification.due', 'report.ready', 'commissioner.contactOverdue']) {
      expect(isNotificationTemplate(key)).toBe(true)
    }
    expect(isNotificationTemplate('problem.deleted')).toBe(false)
    expect(isNotificationTemplate(undefined)).toBe(false)
  })

  it('gives each template a Chinese title, an audience and a usable WeChat field layout', () => {
    for (const key of NOTIFICATION_TEMPLATES) {
      const entry = NOTIFICATION_CATALOGUE[key]
      expect(entry.title).toMatch(/[\u4e00-\u9fa5]/)
      expect(entry.audience.length).toBeGreaterThan(0)
      expect(entry.audienceHint).toMatch(/[\u4e00-\u9fa5]/)
      expect({ key, problems: checkWechatFieldMap(entry.wechatFields, MESSAGE_FACTS) }).toEqual({ key, problems: [] })
      expect(Object.keys(entry.wechatFields).length).toBeLessThanOrEqual(5)
    }
  })
})

describe('rendering the in-app message', () => {
  it.each(NOTIFICATION_TEMPLATES)('%s never throws on missing or malformed data', (key) => {
    for (const data of [{}, null, undefined, [], 'x', 42, { start: 42, date: '2026-02-30', title: { a: 1 }, lowest: -1, daysSinceContact: 1.5, month: '2026-13' }]) {
      const message = NOTIFICATION_CATALOGUE[key].render(data)
      expect(message.title).toBe(NOTIFICATION_CATALOGUE[key].title)
      expect(message.body.length).toBeGreaterThan(4)
      expect(message.body).not.toMatch(/undefined|null|NaN|\[object/)
      expect(() => NOTIFICATION_CATALOGUE[key].link(data)).not.toThrow()
      expect(() => wechatMessageData(key, data, at)).not.toThrow()
    }
  })

  it.each(NOTIFICATION_TEMPLATES)('%s reads well with real data', (key) => {
    const { body } = NOTIFICATION_CATALOGUE[key].render(SAMPLES[key])
    expect(body).not.toMatch(/undefined|null|NaN|\[object/)
    expect(body).toMatch(/。$/)
  })

  it('says what, when and where in Shanghai time', () => {
    expect(renderNotification('booking.confirmed', SAMPLES['booking.confirmed'])).toEqual({
      title: '预约成功',
      body: '您已成功预约2026年10月14日 09:00的流动政务服务，事项：融资对接。请按时到场并出示服务卡。',
    })
    expect(renderNotification('session.cancelled', SAMPLES['session.cancelled']).body).toBe(
      '很抱歉，您预约的2026年10月14日流动政务服务场次已取消，原因：台风预警。您的预约已自动取消，请另选场次。',
    )
    expect(renderNotification('problem.signed', SAMPLES['problem.signed']).body).toBe('您的诉求「厂房用地指标迟迟未落实」（P2026-000123）已由区自然资源局签收办理。')
    // The responsible leader is not asked to sign for it like the department's handlers (issue 15, defect 10).
    expect(renderNotification('problem.assigned', SAMPLES['problem.assigned']).body).toBe('诉求「厂房用地指标迟迟未落实」（P2026-000123）已交办给你部门，请及时签收并按时办结。')
    expect(renderNotification('problem.assigned', { ...SAMPLES['problem.assigned'], departmentName: '区自然资源局', forLeader: true }).body).toBe(
      '诉求「厂房用地指标迟迟未落实」（P2026-000123）已交办区自然资源局办理，您是该诉求的责任领导，请关注办理进展。',
    )
    expect(renderNotification('problem.overdue', SAMPLES['problem.overdue']).body).toContain('未在时限内签收')
    expect(renderNotification('report.ready', SAMPLES['report.ready']).body).toContain('2026年9月')
    expect(renderNotification('commissioner.contactOverdue', SAMPLES['commissioner.contactOverdue']).body).toBe(
      '您负责联系的某某科技有限公司已12天未联系（上次联系：2026年10月1日 10:00），请尽快联系并登记。',
    )
    expect(renderNotification('rating.bad', SAMPLES['rating.bad']).body).toBe(
      '区人社局的诉求办理收到一条差评（最低1分）。请于2026年10月14日 23:59前完成回访，于2026年11月3日 23:59前完成整改并答复。',
    )
  })

  it('says the rectification was withdrawn only when the removal withdrew it', () => {
    const decided = SAMPLES['rating.appealDecided']
    expect(renderNotification('rating.appealDecided', decided).body).toBe(
      '区行政审批服务局申诉的差评已撤销（经核查签到记录，申诉成立），不再计入考核，整改任务同时撤销。',
    )
    expect(renderNotification('rating.appealDecided', { ...decided, taskWithdrawn: false }).body).toBe(
      '区行政审批服务局申诉的差评已撤销（经核查签到记录，申诉成立），不再计入考核。',
    )
  })

  it('still says something for a key that left the catalogue', () => {
    expect(renderNotification('legacy.key', { a: 1 })).toEqual({ title: '系统通知', body: '您有一条新消息。' })
  })

  it('links problem notices to the problem, bookings to the booking list', () => {
    expect(NOTIFICATION_CATALOGUE['problem.resolved'].link(problem)).toBe('pages/problems/detail?id=a1b2')
    expect(NOTIFICATION_CATALOGUE['problem.resolved'].link({})).toBeNull()
    expect(NOTIFICATION_CATALOGUE['booking.reminder'].link({})).toBe('pages/bookings/index')
    expect(NOTIFICATION_CATALOGUE['report.ready'].link(SAMPLES['report.ready'])).toBeNull()
  })
})

describe('subscribe moments', () => {
  it('ask for at most 3 known templates at each moment', () => {
    for (const [moment, keys] of Object.entries(SUBSCRIBE_MOMENTS)) {
      expect({ moment, ok: keys.length >= 1 && keys.length <= MAX_TEMPLATES_PER_REQUEST }).toEqual({ moment, ok: true })
      expect(new Set(keys).size).toBe(keys.length)
      for (const key of keys) expect(isNotificationTemplate(key)).toBe(true)
    }
    expect(SUBSCRIBE_MOMENTS.afterBooking).toEqual(['booking.confirmed', 'booking.reminder', 'session.cancelled'])
  })

  it('ask only for templates configured with a WeChat template id', () => {
    const configs = { 'booking.confirmed': { templateId: 'T-confirm' }, 'session.cancelled': { templateId: 'T-cancel' }, 'booking.reminder': { templateId: '' } }
    const request = subscribeRequest('afterBooking', configs)
    expect(request).toEqual({ templateKeys: ['booking.confirmed', 'session.cancelled'], tmplIds: ['T-confirm', 'T-cancel'] })
    expect(subscribeRequest('leaderDashboard', {})).toEqual({ templateKeys: [], tmplIds: [] })
    expect(acceptedTemplates(request, { 'T-confirm': 'accept', 'T-cancel': 'reject', errMsg: 'requestSubscribeMessage:ok' })).toEqual(['booking.confirmed'])
    expect(acceptedTemplates(request, { 'T-confirm': 'ban', 'T-cancel': 'filter' })).toEqual([])
  })
})

describe('WeChat subscribe message of a notification', () => {
  it('fills the default layout within the field rules', () => {
    const message = wechatMessage('problem.resolved', { ...problem, title: '厂房用地指标迟迟未落实导致项目无法开工建设' }, { templateId: 'T-resolved' }, at)
    expect(message).toEqual({
      templateId: 'T-resolved',
      page: 'pages/problems/detail?id=a1b2',
      data: {
        character_string1: { value: 'P2026-000123' },
        thing2: { value: '厂房用地指标迟迟未落实导致项目无法开工…' },
        phrase3: { value: '已办结' },
        time4: { value: '2026年10月13日 09:30' },
        thing5: { value: '请确认办理结果' },
      },
    })
  })

  it('uses the field layout of the configured template when given', () => {
    const message = wechatMessage('booking.reminder', SAMPLES['booking.reminder'], { templateId: 'T', fields: { thing3: 'subject', date5: 'time' } }, at)
    expect(message?.data).toEqual({ thing3: { value: '融资对接' }, date5: { value: '2026年10月14日' } })
  })

  it('is null without a configured template (the message stays in 消息中心)', () => {
    expect(wechatMessage('booking.confirmed', SAMPLES['booking.confirmed'], undefined, at)).toBeNull()
    expect(wechatMessage('booking.confirmed', SAMPLES['booking.confirmed'], { templateId: '' }, at)).toBeNull()
    expect(wechatMessage('legacy.key', {}, { templateId: 'T' }, at)).toBeNull()
  })

  it.each(NOTIFICATION_TEMPLATES)('%s sends values WeChat accepts, whatever the data', (key) => {
    for (const data of [SAMPLES[key], {}, { title: '长'.repeat(50), topic: '长'.repeat(50), holderName: '长'.repeat(50) }]) {
      for (const [field, { value }] of Object.entries(wechatMessageData(key, data, at))) {
        const kind = wechatFieldKind(field)
        expect(value).not.toBe('')
        if (kind === 'thing') expect(Array.from(value).length).toBeLessThanOrEqual(20)
        if (kind === 'phrase') expect(value).toMatch(/^[\u4e00-\u9fa5]{1,5}$/)
        if (kind === 'character_string') expect(value).toMatch(/^[\x21-\x7e]{1,32}$/)
        if (kind === 'time') expect(value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$/)
        if (kind === 'date') expect(value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/)
      }
    }
  })
})
