import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fail } from '@/core/errors/result'
import type { SurveyView } from '@/core/survey/survey.schema'
import AnswerPage from '@/packages/survey/pages/answer/index'
import { surveyDraftKey } from '@/stores/survey-answer.store'
import { FakeApi, holderUser, ok } from './fake-api'
import { click, expectNotice, renderPage, typeInto } from './render'

const SURVEY_ID = '6a1f0c2e-4b7d-4e8a-9c3f-2d5e7f9a1b3c'
const text = (id: string) => document.getElementById(id)?.textContent ?? ''
const shown = (id: string) => document.getElementById(id) !== null

function survey(overrides: Partial<SurveyView> = {}): SurveyView {
  return {
    id: SURVEY_ID,
    title: '营商环境企业评价调查',
    status: 'open',
    phase: 'open',
    opensOn: '2026-09-30',
    closesOn: '2026-10-15',
    itemCount: 4,
    answered: false,
    responseCount: null,
    description: '问卷匿名汇总',
    sections: [
      {
        id: 'a1',
        title: '政策落实',
        items: [
          { id: 'a1-1', kind: 'rating', text: '惠企政策宣传解读及时、清楚', departmentId: null },
          { id: 'a1-2', kind: 'multiple', text: '了解政策的渠道', options: ['政策直通车', '部门走访'] },
        ],
      },
      {
        id: 'a7',
        title: '用工',
        items: [
          { id: 'a7-1', kind: 'single', text: '用工状况', options: ['基本满足', '缺口较大'] },
          { id: 'a7-2', kind: 'text', text: '意见和建议' },
        ],
      },
    ],
    audience: { cardTypes: [], industries: [] },
    findingThreshold: 3,
    publishedAt: '2026-09-30T02:00:00.000Z',
    closedAt: null,
    ...overrides,
  }
}

function route() {
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { params: { id: SURVEY_ID } } } as never)
}

beforeEach(() => Taro.clearStorageSync())
afterEach(() => jest.restoreAllMocks())

describe('填写问卷 (holder)', () => {
  it('keeps what was chosen across a restart, asks for every required item, then sends the sheet once and forgets the draft', async () => {
    route()
    const api = new FakeApi()
      .on('surveys.get', () => ok(survey()))
      .on('surveys.answer', () => ok({ surveyId: SURVEY_ID, answeredAt: '2026-09-30T03:00:00.000Z' }))
    const first = await renderPage(<AnswerPage />, api, holderUser)
    await waitFor(() => expect(shown('survey-item-a1-1')).toBe(true))
    // The five levels with the product's labels, best first.
    const levels = Array.from(document.getElementById('survey-item-a1-1')!.querySelectorAll('[id^="survey-a1-1-level-"]')).map((el) => el.textContent)
    expect(levels).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
    await click('survey-a1-1-level-2')
    await click('survey-a1-2-option-0')
    await click('survey-a1-2-option-1')
    expect(text('survey-progress')).toContain('已答 2/3')
    first.unmount()
    first.store.dispose()

    // The app restarts: the sheet comes back as it was.
    const second = await renderPage(<AnswerPage />, api, holderUser)
    await waitFor(() => expect(shown('survey-a1-1-level-2')).toBe(true))
    expect(document.getElementById('survey-a1-1-level-2')!.className).toContain('chip-active')
    expect(document.getElementById('survey-a1-2-option-1')!.className).toContain('chip-active')

    await click('survey-submit')
    expectNotice('survey-error', 'VALIDATION_FAILED')
    expect(text('survey-error')).toContain('还有1道题未作答')
    expect(api.callsOf('surveys.answer')).toHaveLength(0)

    await click('survey-a7-1-option-1')
    await typeInto('survey-a7-2-text', '希望多组织招聘会')
    await click('survey-submit')
    await waitFor(() => expect(shown('survey-done')).toBe(true))
    const [sent] = api.callsOf('surveys.answer')
    expect(sent.payload).toEqual({
      id: SURVEY_ID,
      answers: { 'a1-1': 2, 'a1-2': ['政策直通车', '部门走访'], 'a7-1': '缺口较大', 'a7-2': '希望多组织招聘会' },
      idempotencyKey: expect.stringMatching(/^[a-z0-9]{16,}$/),
    })
    expect(Taro.getStorageSync(surveyDraftKey(holderUser.id, SURVEY_ID))).toBeFalsy()
    second.store.dispose()
  })

  it('sends a retry after a lost answer with the key it kept, and says so plainly when the enterprise has answered already', async () => {
    route()
    const keys: string[] = []
    let reply: 'network' | 'answered' = 'network'
    const api = new FakeApi()
      .on('surveys.get', () => ok(survey()))
      .on('surveys.answer', (payload) => {
        keys.push(payload.idempotencyKey)
        return reply === 'network' ? fail('NETWORK_UNAVAILABLE') : fail('SURVEY_ALREADY_ANSWERED')
      })
    const { store } = await renderPage(<AnswerPage />, api, holderUser)
    await waitFor(() => expect(shown('survey-item-a1-1')).toBe(true))
    await click('survey-a1-1-level-5')
    await click('survey-a1-2-option-0')
    await click('survey-a7-1-option-0')
    await click('survey-submit')
    await waitFor(() => expectNotice('survey-error', 'NETWORK_UNAVAILABLE'))
    expect(Taro.getStorageSync(surveyDraftKey(holderUser.id, SURVEY_ID))).toMatchObject({ idempotencyKey: keys[0] })

    reply = 'answered'
    await click('survey-submit')
    await waitFor(() => expectNotice('survey-error', 'SURVEY_ALREADY_ANSWERED'))
    expect(keys[1]).toBe(keys[0])
    expect(text('survey-error')).toContain('贵单位已提交过该问卷')
    expect(Taro.getStorageSync(surveyDraftKey(holderUser.id, SURVEY_ID))).toBeFalsy()
    store.dispose()
  })

  it('takes no answer outside the answering period', async () => {
    route()
    const api = new FakeApi().on('surveys.get', () => ok(survey({ phase: 'closed', status: 'closed' })))
    const { store } = await renderPage(<AnswerPage />, api, holderUser)
    await waitFor(() => expect(shown('survey-submit')).toBe(true))
    expect(document.body.textContent).toContain('该问卷不在填写期内')
    store.dispose()
  })
})
