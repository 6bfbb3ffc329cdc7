import { act, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import BookPage from '@/packages/holder/pages/sessions/book'
import SubmitProblemPage from '@/packages/holder/pages/problems/submit'
import { parseTemplateConfigs, subscribePlan } from '@/utils/subscribe'
import { booking, tuesday } from './booking-fixtures'
import { FakeApi, holderUser, ok } from './fake-api'
import { FakeUploader, PROBLEM_ID } from './problem-fixtures'
import { click, renderPage, typeInto } from './render'
import { holderForms } from '@/stores/holder-forms'

/** Template ids as a weapp build would carry them (config/index.ts → TARO_APP_WECHAT_TEMPLATES). */
const TEMPLATES = JSON.stringify({
  'booking.confirmed': 'T-confirm',
  'booking.reminder': { templateId: 'T-remind' },
  'session.cancelled': 'T-cancel',
  'problem.answered': 'T-answer',
  'problem.signed': 'T-sign',
  'problem.resolved': 'T-resolve',
  'problem.overdue': 'T-overdue',
})

type Ask = jest.SpyInstance<Promise<Record<string, unknown>>, [{ tmplIds: string[] }]>

function spyAsk(): Ask {
  const taro = Taro as unknown as { requestSubscribeMessage: (options: { tmplIds: string[] }) => Promise<Record<string, unknown>> }
  return jest.spyOn(taro, 'requestSubscribeMessage')
}

async function bookedPage(api: FakeApi) {
  api.on('stations.sessions', () => ok({ items: [tuesday] })).on('bookings.create', () => ok(booking({ id: 'dddddddd-0000-4000-8000-000000000009' })))
  const view = await renderPage(<BookPage />, api, holderUser)
  await act(async () => holderForms(view.store).bookingForm.open(tuesday.slots[0].id))
  await typeInto('book-topic', '项目立项咨询')
  await click('book-submit')
  await waitFor(() => expect(document.getElementById('book-success')).toBeTruthy())
  return view
}

describe('subscribe-message consent', () => {
  const saved = process.env.TARO_APP_WECHAT_TEMPLATES
  afterEach(() => {
    process.env.TARO_APP_WECHAT_TEMPLATES = saved
    jest.restoreAllMocks()
  })

  it('reads the template ids of the build, ignoring unknown keys and anything malformed', () => {
    expect(parseTemplateConfigs(TEMPLATES)).toMatchObject({ 'booking.confirmed': { templateId: 'T-confirm' }, 'booking.reminder': { templateId: 'T-remind' } })
    expect(parseTemplateConfigs('{"nope.key": "X", "rating.bad": 3, "report.ready": " "}')).toEqual({})
    expect(parseTemplateConfigs('not json')).toEqual({})
    expect(parseTemplateConfigs('')).toEqual({})
    expect(parseTemplateConfigs('["booking.confirmed"]')).toEqual({})
    // At most three per request, only configured ones.
    expect(subscribePlan('afterBooking', parseTemplateConfigs(TEMPLATES))).toEqual({
      templateKeys: ['booking.confirmed', 'booking.reminder', 'session.cancelled'],
      tmplIds: ['T-confirm', 'T-remind', 'T-cancel'],
    })
    expect(subscribePlan('leaderDashboard', parseTemplateConfigs(TEMPLATES))).toEqual({ templateKeys: ['problem.overdue'], tmplIds: ['T-overdue'] })
  })

  it('shows no consent button and never asks when no template id is configured (H5, local development)', async () => {
    process.env.TARO_APP_WECHAT_TEMPLATES = ''
    const ask = spyAsk()
    const { store } = await bookedPage(new FakeApi())
    expect(document.getElementById('subscribe-after-booking')).toBeNull()
    expect(ask).not.toHaveBeenCalled()
    store.dispose()
  })

  it('after booking: asks only on the tap, for the three booking templates, and records only the accepted keys', async () => {
    process.env.TARO_APP_WECHAT_TEMPLATES = TEMPLATES
    const api = new FakeApi().on('notifications.subscribe', ({ granted }) => ok({ granted: (granted as string[]).length }))
    const ask = spyAsk()
    let callsWhenAsked = -1
    ask.mockImplementation(() => {
      callsWhenAsked = api.callsOf('notifications.subscribe').length
      return Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'T-confirm': 'accept', 'T-remind': 'reject', 'T-cancel': 'accept' })
    })
    const { store } = await bookedPage(api)
    expect(document.getElementById('subscribe-after-booking')).toBeTruthy()
    expect(ask).not.toHaveBeenCalled()

    await click('subscribe-after-booking-button')
    await waitFor(() => expect(document.getElementById('subscribe-after-booking-result')).toBeTruthy())
    expect(ask).toHaveBeenCalledTimes(1)
    expect(ask.mock.calls[0][0]).toEqual({ tmplIds: ['T-confirm', 'T-remind', 'T-cancel'] })
    expect(callsWhenAsked).toBe(0)
    expect(api.callsOf('notifications.subscribe').map((c) => c.payload)).toEqual([
      { templateKeys: ['booking.confirmed', 'booking.reminder', 'session.cancelled'], granted: ['booking.confirmed', 'session.cancelled'] },
    ])
    expect(document.getElementById('subscribe-after-booking-result')!.textContent).toBe('已开启2项提醒，每项提醒一次')
    // Answered: the button is gone (another consent needs another moment).
    expect(document.getElementById('subscribe-after-booking-button')).toBeNull()
    store.dispose()
  })

  it('records a refusal of everything as granted: [] and says the messages stay in 消息中心', async () => {
    process.env.TARO_APP_WECHAT_TEMPLATES = TEMPLATES
    const api = new FakeApi().on('notifications.subscribe', () => ok({ granted: 0 }))
    spyAsk().mockResolvedValue({ 'T-confirm': 'reject', 'T-remind': 'ban', 'T-cancel': 'filter' })
    const { store } = await bookedPage(api)
    await click('subscribe-after-booking-button')
    await waitFor(() => expect(document.getElementById('subscribe-after-booking-result')).toBeTruthy())
    expect(api.callsOf('notifications.subscribe')[0].payload).toEqual({ templateKeys: ['booking.confirmed', 'booking.reminder', 'session.cancelled'], granted: [] })
    expect(document.getElementById('subscribe-after-booking-result')!.textContent).toContain('消息中心')
    store.dispose()
  })

  it('records nothing when WeChat refuses to ask (subscriptions switched off), and lets the user try again', async () => {
    process.env.TARO_APP_WECHAT_TEMPLATES = TEMPLATES
    const api = new FakeApi().on('notifications.subscribe', () => ok({ granted: 0 }))
    spyAsk().mockRejectedValue({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' })
    const { store } = await bookedPage(api)
    await click('subscribe-after-booking-button')
    await waitFor(() => expect(document.getElementById('subscribe-after-booking-result')).toBeTruthy())
    expect(api.callsOf('notifications.subscribe')).toHaveLength(0)
    expect(document.getElementById('subscribe-after-booking-result')!.textContent).toContain('已关闭消息订阅')
    expect(document.getElementById('subscribe-after-booking-button')).toBeTruthy()
    store.dispose()
  })

  it('after submitting a problem: a success panel with the consent button, then the detail', async () => {
    process.env.TARO_APP_WECHAT_TEMPLATES = TEMPLATES
    const redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation(() => Promise.resolve() as never)
    jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve() as never)
    const ask = spyAsk().mockResolvedValue({ 'T-answer': 'accept', 'T-sign': 'accept', 'T-resolve': 'accept' })
    const api = new FakeApi()
      .on('bookings.mine', () => ok({ items: [] }))
      .on('bookings.homeVisits', () => ok({ items: [] }))
      .on('problems.submit', () => ok({ id: PROBLEM_ID, status: 'submitted' }))
      .on('problems.mine', () => ok({ items: [] }))
      .on('notifications.subscribe', () => ok({ granted: 3 }))
    const { store } = await renderPage(<SubmitProblemPage />, api, holderUser, new FakeUploader())
    await waitFor(() => expect(document.getElementById('problem-submit')).toBeTruthy())
    await click('problem-category-planning')
    await typeInto('problem-title', '厂房规划许可办理进度')
    await typeInto('problem-description', '二期厂房规划许可已提交两个月，想了解进度。')
    await click('problem-submit')
    await waitFor(() => expect(document.getElementById('subscribe-after-problem')).toBeTruthy())
    expect(redirect).not.toHaveBeenCalled()
    expect(ask).not.toHaveBeenCalled()

    await click('subscribe-after-problem-button')
    await waitFor(() => expect(api.callsOf('notifications.subscribe')).toHaveLength(1))
    expect(ask.mock.calls[0][0]).toEqual({ tmplIds: ['T-answer', 'T-sign', 'T-resolve'] })
    expect(api.callsOf('notifications.subscribe')[0].payload).toEqual({
      templateKeys: ['problem.answered', 'problem.signed', 'problem.resolved'],
      granted: ['problem.answered', 'problem.signed', 'problem.resolved'],
    })
    await click('problem-submitted-view')
    expect(redirect).toHaveBeenCalledWith({ url: `/packages/user/pages/problem/detail?id=${PROBLEM_ID}` })
    store.dispose()
  })
})
