import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { SurveyResultsView } from '@/core/survey/survey.schema'
import { surveyResults } from '@/core/survey/survey.results'
import { valueAxis } from '@/packages/leader/charts/chart-data'
import { aspectChart, departmentChart, levelChart } from '@/packages/leader/charts/survey-chart-data'
import SurveyResultsPage from '@/packages/leader/pages/survey-results/index'
import { adminUser, FakeApi, ok } from './fake-api'
import { click, renderPage } from './render'

const SURVEY_ID = '6a1f0c2e-4b7d-4e8a-9c3f-2d5e7f9a1b3c'
const ZRZY = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f'
const XZSP = '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a'
const text = (id: string) => document.getElementById(id)?.textContent ?? ''

const sections = [
  { id: 'a2', title: '项目落地', items: [{ id: 'a2-1', kind: 'rating' as const, text: '用地审批效率', departmentId: ZRZY }] },
  { id: 'a4', title: '窗口服务', items: [{ id: 'a4-2', kind: 'rating' as const, text: '服务态度', departmentId: XZSP }, { id: 'a4-9', kind: 'text' as const, text: '意见' }] },
]

function view(): SurveyResultsView {
  const results = surveyResults(sections, [{ itemId: 'a2-1', level: 2 }, { itemId: 'a2-1', level: 3 }, { itemId: 'a4-2', level: 5 }, { itemId: 'a4-2', level: 4 }, { itemId: 'a4-9', text: '再快一些' }], 2)
  return {
    ...results,
    survey: {
      id: SURVEY_ID, title: '营商环境企业评价调查', status: 'open', phase: 'open', opensOn: '2026-09-30', closesOn: '2026-10-15', itemCount: 3, answered: null, responseCount: 2,
      description: null, sections, audience: { cardTypes: [], industries: [] }, findingThreshold: 3, publishedAt: '2026-09-30T02:00:00.000Z', closedAt: null,
    },
    departmentNames: { [ZRZY]: '区自然资源局', [XZSP]: '区行政审批服务局' },
    notAnswered: [{ holderId: 'h3', name: '威海海川科技有限公司', contactName: '张海', contactPhone: '13906311234' }],
    audienceSize: 3,
    problems: [],
    lastReminder: null,
  }
}

afterEach(() => jest.restoreAllMocks())

describe('问卷结果', () => {
  it('charts aspects, levels and departments from the results', () => {
    const data = view()
    expect(aspectChart(data)).toEqual({ kind: 'bar', unit: 'level', caption: '各方面平均分（5分为非常满意）', data: [{ x: '项目落地', y: 2.5 }, { x: '窗口服务', y: 4.5 }] })
    expect(valueAxis(aspectChart(data))).toEqual({ min: 0, max: 5, tickCount: 6 })
    expect(departmentChart(data, data.departmentNames).data).toEqual([{ x: '行政审批服务局', y: 4.5 }, { x: '自然资源局', y: 2.5 }])
    expect(levelChart(data).data).toEqual([{ x: '非常满意', y: 1 }, { x: '满意', y: 1 }, { x: '基本满意', y: 1 }, { x: '不满意', y: 1 }, { x: '非常不满意', y: 0 }])
    expect(levelChart(surveyResults(sections, [], 0)).data).toEqual([])
  })

  it('lets an administrator turn a finding into a problem, and shows who has not answered', async () => {
    jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { params: { id: SURVEY_ID } } } as never)
    const api = new FakeApi()
      .on('surveys.results', () => ok(view()))
      .on('stations.directory', () => ok({ departments: [{ id: ZRZY, name: '区自然资源局' }, { id: XZSP, name: '区行政审批服务局' }], staff: [] }))
      .on('surveys.toProblem', () => ok({ itemId: 'a2-1', problemId: 'p1', problemNumber: 'P2026-000042', departmentId: ZRZY }))
      .on('surveys.remind', () => ok({ sentAt: new Date().toISOString(), recipients: 1 }))
    const { store } = await renderPage(<SurveyResultsPage />, api, adminUser)
    await waitFor(() => expect(document.getElementById('survey-finding-a2-1')).toBeTruthy())
    expect(text('survey-results-count')).toContain('已答 2 家 / 应答 3 家')
    expect(text('survey-finding-a2-1')).toContain('平均 2.5 分')
    expect(text('survey-finding-a2-1')).toContain('区自然资源局')
    expect(document.getElementById('survey-finding-a4-2')).toBeNull()
    expect(text('survey-not-answered')).toContain('威海海川科技有限公司')
    expect(text('survey-result-a4-9')).toContain('再快一些')

    expect(text('survey-finding-department-a2-1')).toContain('区自然资源局')
    await click('survey-finding-convert-a2-1')
    await waitFor(() => expect(text('survey-finding-problem-a2-1')).toContain('P2026-000042'))
    expect(api.callsOf('surveys.toProblem')[0].payload).toEqual({ id: SURVEY_ID, itemId: 'a2-1', departmentId: ZRZY })
    expect(document.getElementById('survey-finding-convert-a2-1')).toBeNull()

    expect(text('survey-last-reminder')).toBe('尚未提醒')
    await click('survey-remind')
    await waitFor(() => expect(text('survey-last-reminder')).toMatch(/^上次提醒：今天 \d\d:\d\d，发出 1 条$/))
    expect(api.callsOf('surveys.remind')[0].payload).toEqual({ id: SURVEY_ID })
    store.dispose()
  })
})
