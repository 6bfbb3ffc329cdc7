import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import AppealsPage from '@/packages/admin/pages/appeals/index'
import RectificationsPage from '@/packages/handler/pages/rectifications/index'
import ScoresPage from '@/packages/leader/pages/scores/index'
import { adminUser, FakeApi, holderUser, ok } from './fake-api'
import { handlerUser, leaderUser } from './problem-fixtures'
import { ratingId, rectificationItem, scoresView, summary } from './rating-fixtures'
import { click, expectNotice, renderPage, typeInto } from './render'

const text = (id: string) => document.getElementById(id)?.textContent ?? ''
const shown = (id: string) => document.getElementById(id) !== null

beforeEach(() => {
  jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve() as never)
})
afterEach(() => jest.restoreAllMocks())

describe('差评整改 (handler)', () => {
  it('lists the tasks with scores, comment, holder and deadlines, overdue in red, unfinished first', async () => {
    const api = new FakeApi().on('ratings.rectifications', () =>
      ok({
        items: [
          rectificationItem({ ratingId: ratingId(1), status: 'rectified', rectifiedAt: '2030-03-20T02:00:00.000Z', rectifiedOnTime: true, returnVisitedAt: '2030-03-12T08:00:00.000Z', returnVisitOnTime: true }),
          rectificationItem({ ratingId: ratingId(2), overdue: ['returnVisit'] }, { availableActions: ['recordReturnVisit', 'appeal'] }),
        ],
      }),
    )
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2030-03-20T02:00:00.000Z'))
    const { store } = await renderPage(<RectificationsPage />, api, handlerUser)
    await waitFor(() => expect(shown(`rect-${ratingId(2)}`)).toBe(true))
    expect(api.callsOf('ratings.rectifications')[0].payload).toEqual({})
    const order = Array.from(document.getElementById('rect-list')!.children).map((el) => el.id)
    expect(order).toEqual([`rect-${ratingId(2)}`, `rect-${ratingId(1)}`])

    expect(text(`rect-status-${ratingId(2)}`)).toBe('待回访')
    expect(text(`rect-holder-${ratingId(2)}`)).toBe('威海海川科技有限公司（张海 13812345678）')
    expect(text(`rect-scores-${ratingId(2)}-effectiveness`)).toContain('不满意（2）')
    expect(text(`rect-comment-${ratingId(2)}`)).toBe('材料跑了两趟还没办完')
    // 2030-03-13T15:59:59.999Z is the end of 3月13日 in Shanghai.
    expect(text(`rect-deadline-visit-${ratingId(2)}`)).toBe('3月13日 周三 23:59 前（已超期）')
    expect(document.getElementById(`rect-deadline-visit-${ratingId(2)}`)!.className).toContain('deadline-overdue')
    expect(document.getElementById(`rect-deadline-rectify-${ratingId(2)}`)!.className).not.toContain('deadline-overdue')
    expect(text(`rect-deadline-rectify-${ratingId(1)}`)).toContain('已完成（按时）')

    // Buttons from availableActions only.
    expect(shown(`rect-visit-${ratingId(2)}`)).toBe(true)
    expect(shown(`rect-appeal-${ratingId(2)}`)).toBe(true)
    expect(shown(`rect-rectify-${ratingId(2)}`)).toBe(false)
    expect(shown(`rect-visit-${ratingId(1)}`)).toBe(false)

    await click('rect-filter-open')
    await waitFor(() => expect(api.callsOf('ratings.rectifications')).toHaveLength(2))
    expect(api.callsOf('ratings.rectifications')[1].payload).toEqual({ status: 'open' })
    store.dispose()
  })

  it('records the return visit and the rectification with their notes, checks the note first, reloads after each', async () => {
    let status: 'open' | 'visited' = 'open'
    const api = new FakeApi()
      .on('ratings.rectifications', () =>
        ok({ items: [rectificationItem({ status }, { availableActions: status === 'open' ? ['recordReturnVisit', 'appeal'] : ['rectify', 'appeal'] })] }),
      )
      .on('ratings.recordReturnVisit', () => {
        status = 'visited'
        return ok(rectificationItem({ status }))
      })
      .on('ratings.rectify', () => ok(rectificationItem({ status: 'rectified' })))
    const { store } = await renderPage(<RectificationsPage />, api, handlerUser)
    const id = ratingId(1)
    await waitFor(() => expect(shown(`rect-visit-${id}`)).toBe(true))

    await click(`rect-visit-${id}`)
    expect(shown('rect-form')).toBe(true)
    await click('rect-submit')
    expect(text('rect-error')).toContain('请填写回访情况')
    expect(api.callsOf('ratings.recordReturnVisit')).toHaveLength(0)
    await typeInto('rect-note', '已电话联系张经理，材料清单未一次告知')
    await click('rect-submit')
    await waitFor(() => expect(shown(`rect-rectify-${id}`)).toBe(true))
    expect(api.callsOf('ratings.recordReturnVisit')[0].payload).toEqual({ ratingId: id, note: '已电话联系张经理，材料清单未一次告知' })
    expect(shown('rect-form')).toBe(false)
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已提交回访', icon: 'success' })

    await click(`rect-rectify-${id}`)
    await typeInto('rect-note', '制作一次性告知清单，已当面答复')
    await click('rect-submit')
    await waitFor(() => expect(api.callsOf('ratings.rectify')).toHaveLength(1))
    expect(api.callsOf('ratings.rectify')[0].payload).toEqual({ ratingId: id, note: '制作一次性告知清单，已当面答复' })
    store.dispose()
  })

  it('appeals with a reason, and shows a refusal of the server (RECTIFICATION_CLOSED) in the form', async () => {
    const api = new FakeApi()
      .on('ratings.rectifications', () => ok({ items: [rectificationItem({}, { availableActions: ['recordReturnVisit', 'rectify', 'appeal'] })] }))
      .on('ratings.appeal', () => ok(rectificationItem({}, { appealStatus: 'pending' })))
      .on('ratings.rectify', () => ({ ok: false, error: { code: 'RECTIFICATION_CLOSED', message: '该差评已整改反馈，整改任务已结束' } }))
    const { store } = await renderPage(<RectificationsPage />, api, handlerUser)
    const id = ratingId(1)
    await waitFor(() => expect(shown(`rect-appeal-${id}`)).toBe(true))

    await click(`rect-appeal-${id}`)
    await typeInto('rect-note', '评价人当日未到站办事，见签到记录')
    await click('rect-submit')
    await waitFor(() => expect(api.callsOf('ratings.appeal')).toHaveLength(1))
    expect(api.callsOf('ratings.appeal')[0].payload).toEqual({ ratingId: id, reason: '评价人当日未到站办事，见签到记录' })

    await click(`rect-rectify-${id}`)
    await typeInto('rect-note', '已整改')
    await click('rect-submit')
    await waitFor(() => expect(text('rect-error')).toContain('该差评已整改反馈，整改任务已结束'))
    expectNotice('rect-error', 'RECTIFICATION_CLOSED')
    expect(shown('rect-form')).toBe(true)
    store.dispose()
  })

  it('is for handlers only', async () => {
    const api = new FakeApi()
    const { store } = await renderPage(<RectificationsPage />, api, holderUser)
    expect(document.body.textContent).toContain('差评整改仅限部门经办人使用')
    expect(api.callsOf('ratings.rectifications')).toHaveLength(0)
    store.dispose()
  })
})

describe('评价统计 (leader)', () => {
  it('renders per department and per staff: averages, 满意率, 差评数, 按时整改, for the current month; months move', async () => {
    // Only the clock the page reads (Date.now): fake timers would also stop the components' animation frames.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2030-03-20T04:00:00Z'))
    const api = new FakeApi().on('ratings.scores', (payload) => ok(scoresView({ month: String(payload.month) })))
    const { store } = await renderPage(<ScoresPage />, api, leaderUser)
    await waitFor(() => expect(shown('score-dept-d1')).toBe(true))
    expect(api.callsOf('ratings.scores')[0].payload).toEqual({ month: '2030-03' })
    expect(text('score-month')).toBe('2030年3月')
    expect(text('score-dept-d1')).toContain('区行政审批服务局')
    expect(text('score-dept-count-d1')).toBe('4')
    expect(text('score-dept-attitude-d1')).toBe('4.3')
    expect(text('score-dept-quality-d1')).toBe('4.0')
    expect(text('score-dept-effectiveness-d1')).toBe('3.5')
    expect(text('score-dept-rate-d1')).toBe('75.0%')
    expect(text('score-dept-bad-d1')).toBe('1')
    expect(text('score-dept-ontime-d1')).toBe('1/1')
    expect(text('score-dept-rate-d2')).toBe('100.0%')
    expect(text('score-dept-bad-d2')).toBe('0')
    expect(text('score-staff-s1')).toContain('王芳（流动站）')
    expect(text('score-staff-s1')).toContain('区行政审批服务局')
    expect(text('score-staff-rate-s1')).toBe('50.0%')

    // No month after the current one; back one month reloads.
    await click('score-month-next')
    expect(api.callsOf('ratings.scores')).toHaveLength(1)
    await click('score-month-prev')
    await waitFor(() => expect(text('score-month')).toBe('2030年2月'))
    expect(api.callsOf('ratings.scores')[1].payload).toEqual({ month: '2030-02' })
    store.dispose()
  })

  it('shows — where nothing was counted, and a handler sees their own department', async () => {
    const api = new FakeApi().on('ratings.scores', () =>
      ok(scoresView({ departments: [{ departmentId: 'd1', name: '区行政审批服务局', ...summary({ count: 0, attitude: null, quality: null, effectiveness: null, satisfiedCount: 0, satisfactionRate: null, badCount: 0, rectifiedCount: 0, rectifiedOnTime: 0 }) }], staff: [] })),
    )
    const { store } = await renderPage(<ScoresPage />, api, handlerUser)
    await waitFor(() => expect(shown('score-dept-d1')).toBe(true))
    expect(api.callsOf('ratings.scores')[0].payload).toEqual({ month: expect.stringMatching(/^\d{4}-\d{2}$/), departmentId: 'd1' })
    expect(text('score-dept-attitude-d1')).toBe('—')
    expect(text('score-dept-rate-d1')).toBe('—')
    store.dispose()
  })
})

describe('评价申诉裁决 (admin)', () => {
  it('lists the pending appeals only and removes a rating with a reason', async () => {
    let decided = false
    const api = new FakeApi()
      // As the backend: `appeal` narrows the list by appeal status.
      .on('ratings.rectifications', (payload) =>
        ok({
          items: [
            rectificationItem({ ratingId: ratingId(1) }, { appealStatus: decided ? 'removed' : 'pending', appealReason: '评价人当日未到站办事' }),
            rectificationItem({ ratingId: ratingId(2) }, { appealStatus: 'none' }),
            rectificationItem({ ratingId: ratingId(3) }, { appealStatus: 'upheld' }),
          ].filter((item) => !payload.appeal || item.rating.appealStatus === payload.appeal),
        }),
      )
      .on('ratings.decideAppeal', () => {
        decided = true
        return ok(rectificationItem({ ratingId: ratingId(1), status: 'withdrawn' }, { appealStatus: 'removed' }))
      })
    const { store } = await renderPage(<AppealsPage />, api, adminUser)
    await waitFor(() => expect(shown(`appeal-${ratingId(1)}`)).toBe(true))
    expect(shown(`appeal-${ratingId(2)}`)).toBe(false)
    expect(shown(`appeal-${ratingId(3)}`)).toBe(false)
    expect(text(`appeal-${ratingId(1)}`)).toContain('评价人当日未到站办事')
    expect(api.callsOf('ratings.rectifications')[0].payload).toEqual({ appeal: 'pending' })

    await click(`appeal-remove-${ratingId(1)}`)
    await click('appeal-submit')
    expect(text('appeal-error')).toContain('请说明裁决理由')
    expect(api.callsOf('ratings.decideAppeal')).toHaveLength(0)
    await typeInto('appeal-reason', '签到记录显示评价人当日未到站')
    await click('appeal-submit')
    await waitFor(() => expect(shown('appeal-done')).toBe(true))
    expect(api.callsOf('ratings.decideAppeal')[0].payload).toEqual({ ratingId: ratingId(1), uphold: false, reason: '签到记录显示评价人当日未到站' })
    expect(text('appeal-done')).toBe('已核销评价')
    await waitFor(() => expect(shown(`appeal-${ratingId(1)}`)).toBe(false))
    store.dispose()
  })

  it('upholds a rating, keeping the reason typed when switching the decision; shows a refusal', async () => {
    const api = new FakeApi()
      .on('ratings.rectifications', () => ok({ items: [rectificationItem({}, { appealStatus: 'pending' })] }))
      .on('ratings.decideAppeal', () => ({ ok: false, error: { code: 'APPEAL_NOT_PENDING', message: '该申诉已裁决' } }))
    const { store } = await renderPage(<AppealsPage />, api, adminUser)
    const id = ratingId(1)
    await waitFor(() => expect(shown(`appeal-uphold-${id}`)).toBe(true))
    await click(`appeal-remove-${id}`)
    await typeInto('appeal-reason', '证据不足，评价有效')
    await click(`appeal-uphold-${id}`)
    await click('appeal-submit')
    await waitFor(() => expect(text('appeal-error')).toContain('该申诉已裁决'))
    expect(api.callsOf('ratings.decideAppeal')[0].payload).toEqual({ ratingId: id, uphold: true, reason: '证据不足，评价有效' })
    store.dispose()
  })
})

describe('首页 entries of the ratings', () => {
  it.each([
    [holderUser, ['entry-ratings'], ['entry-handler-rectifications', 'entry-leader-scores', 'entry-admin-appeals']],
    [handlerUser, ['entry-handler-rectifications', 'entry-leader-scores'], ['entry-ratings', 'entry-admin-appeals']],
    [leaderUser, ['entry-leader-scores'], ['entry-ratings', 'entry-handler-rectifications', 'entry-admin-appeals']],
    [adminUser, ['entry-admin-appeals', 'entry-leader-scores'], ['entry-ratings', 'entry-handler-rectifications']],
  ] as const)('%#: shows the entries of the role', async (user, shownIds, hidden) => {
    const { default: IndexPage } = await import('@/pages/index/index')
    const { store } = await renderPage(<IndexPage />, new FakeApi(), user as never)
    for (const entry of shownIds) expect(document.getElementById(entry)).toBeTruthy()
    for (const entry of hidden) expect(document.getElementById(entry)).toBeNull()
    store.dispose()
  })
})
