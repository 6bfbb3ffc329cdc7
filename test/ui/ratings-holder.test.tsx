import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ProblemDetailPage from '@/packages/user/pages/problem/detail'
import RatingsPage from '@/packages/holder/pages/ratings/index'
import { FakeApi, holderUser, ok } from './fake-api'
import { PROBLEM_ID, problemDetail } from './problem-fixtures'
import { pendingView, ratingId, ratingView, rectificationView, VISIT_ID } from './rating-fixtures'
import { click, expectNotice, renderPage, typeInto } from './render'

const text = (id: string) => document.getElementById(id)?.textContent ?? ''
const shown = (id: string) => document.getElementById(id) !== null

function route(params: Record<string, string> = {}) {
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { params } } as never)
}

afterEach(() => jest.restoreAllMocks())

describe('服务评价 (holder)', () => {
  it('rates a pending visit with 办理效果 at 不满意: the payload carries the three levels and the comment, the bad-rating note follows', async () => {
    route()
    let rated = false
    const api = new FakeApi()
      .on('ratings.pending', () => ok({ items: rated ? [] : [pendingView()] }))
      .on('ratings.mine', () => ok({ items: rated ? [ratingView()] : [] }))
      .on('ratings.submit', () => {
        rated = true
        return ok(ratingView())
      })
    const { store } = await renderPage(<RatingsPage />, api, holderUser)
    await waitFor(() => expect(shown(`pending-${VISIT_ID}`)).toBe(true))
    expect(text(`pending-${VISIT_ID}`)).toContain('环翠区政务服务中心流动站')
    expect(text(`pending-${VISIT_ID}`)).toContain('服务站办事')
    expect(shown('rating-card')).toBe(false)

    await click(`pending-rate-${VISIT_ID}`)
    expect(shown('rating-card')).toBe(true)
    // Five levels per dimension, best first.
    const levels = Array.from(document.getElementById('rate-attitude')!.querySelectorAll('[id^="rate-attitude-"]')).map((el) => el.textContent)
    expect(levels).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])

    await click('rate-attitude-4')
    await click('rate-quality-4')
    expect(shown('rate-bad-hint')).toBe(false)
    await click('rate-effectiveness-2')
    expect(document.getElementById('rate-effectiveness-2')!.className).toContain('chip-active')
    // Told before sending what a 差评 leads to.
    expect(text('rate-bad-hint')).toContain('1个工作日内回访')
    await typeInto('rate-comment', '  材料跑了两趟还没办完  ')
    await click('rate-submit')

    await waitFor(() => expect(shown('rate-done')).toBe(true))
    expect(api.callsOf('ratings.submit')).toHaveLength(1)
    expect(api.callsOf('ratings.submit')[0].payload).toEqual({
      targetType: 'visit',
      targetId: VISIT_ID,
      attitude: 4,
      quality: 4,
      effectiveness: 2,
      comment: '材料跑了两趟还没办完',
    })
    expect(text('rate-bad-note')).toContain('1个工作日内')
    expect(text('rate-bad-note')).toContain('15个工作日内')
    expect(shown('rating-card')).toBe(false)
    // The lists reload: nothing pending, the rating shown with its levels.
    await waitFor(() => expect(shown(`rating-${ratingView().id}`)).toBe(true))
    expect(shown(`pending-${VISIT_ID}`)).toBe(false)
    expect(text(`rating-scores-${ratingView().id}-effectiveness`)).toContain('不满意（2）')
    expect(text(`rating-scores-${ratingView().id}-attitude`)).toContain('满意（4）')
    expect(text(`rating-rectification-${ratingView().id}`)).toContain('待回访')
    store.dispose()
  })

  it('asks for all three dimensions before calling the api; a good rating gets no bad-rating note', async () => {
    route()
    const api = new FakeApi()
      .on('ratings.pending', () => ok({ items: [pendingView()] }))
      .on('ratings.mine', () => ok({ items: [] }))
      .on('ratings.submit', () => ok(ratingView({ attitude: 5, quality: 5, effectiveness: 4, bad: false, rectification: null })))
    const { store } = await renderPage(<RatingsPage />, api, holderUser)
    await waitFor(() => expect(shown(`pending-rate-${VISIT_ID}`)).toBe(true))
    await click(`pending-rate-${VISIT_ID}`)
    await click('rate-attitude-5')
    await click('rate-submit')
    expect(api.callsOf('ratings.submit')).toHaveLength(0)
    expect(shown('rate-attitude-error')).toBe(false)
    expect(text('rate-quality-error')).toBe('请为「办理质量」选择评价等级')
    expect(text('rate-effectiveness-error')).toBe('请为「办理效果」选择评价等级')

    await click('rate-quality-5')
    expect(shown('rate-quality-error')).toBe(false)
    await click('rate-effectiveness-4')
    await click('rate-submit')
    await waitFor(() => expect(shown('rate-done')).toBe(true))
    // No comment typed: none sent.
    expect(api.callsOf('ratings.submit')[0].payload).toEqual({ targetType: 'visit', targetId: VISIT_ID, attitude: 5, quality: 5, effectiveness: 4 })
    expect(shown('rate-bad-note')).toBe(false)
    store.dispose()
  })

  it('shows the refusal of the server in the card (ALREADY_RATED)', async () => {
    route()
    const api = new FakeApi()
      .on('ratings.pending', () => ok({ items: [pendingView()] }))
      .on('ratings.mine', () => ok({ items: [] }))
      .on('ratings.submit', () => ({ ok: false, error: { code: 'ALREADY_RATED', message: '该服务已评价过，不能重复评价' } }))
    const { store } = await renderPage(<RatingsPage />, api, holderUser)
    await waitFor(() => expect(shown(`pending-rate-${VISIT_ID}`)).toBe(true))
    await click(`pending-rate-${VISIT_ID}`)
    for (const id of ['rate-attitude-3', 'rate-quality-3', 'rate-effectiveness-3']) await click(id)
    await click('rate-submit')
    await waitFor(() => expect(text('rate-error')).toContain('该服务已评价过'))
    expectNotice('rate-error', 'ALREADY_RATED')
    expect(shown('rating-card')).toBe(true)
    expect(shown('rate-done')).toBe(false)
    store.dispose()
  })

  it('offers 追评 only where the backend allows it, sends ratings.followUp and shows the follow-up beside the first rating', async () => {
    route()
    const rectified = ratingView({
      id: ratingId(1),
      rectification: rectificationView({ status: 'rectified', returnVisitNote: '已电话回访', rectificationNote: '已开通帮办代办，材料一次办结' }),
      availableActions: ['followUp'],
    })
    const stillOpen = ratingView({ id: ratingId(2), targetId: 'cccccccc-0000-4000-8000-000000000002', availableActions: [] })
    const good = ratingView({ id: ratingId(3), targetId: 'cccccccc-0000-4000-8000-000000000003', bad: false, effectiveness: 5, rectification: null })
    const followUp = ratingView({ id: ratingId(9), kind: 'followUp', attitude: 5, quality: 5, effectiveness: 4, bad: false, rectification: null, comment: '整改后很快办好了' })
    let followed = false
    const api = new FakeApi()
      .on('ratings.pending', () => ok({ items: [] }))
      .on('ratings.mine', () =>
        ok({ items: [followed ? { ...rectified, availableActions: [], followUp } : rectified, stillOpen, good] }),
      )
      .on('ratings.followUp', () => {
        followed = true
        return ok({ ...rectified, followUp })
      })
    const { store } = await renderPage(<RatingsPage />, api, holderUser)
    await waitFor(() => expect(shown(`rating-${ratingId(1)}`)).toBe(true))
    expect(shown(`rate-followup-${ratingId(1)}`)).toBe(true)
    expect(shown(`rate-followup-${ratingId(2)}`)).toBe(false)
    expect(shown(`rate-followup-${ratingId(3)}`)).toBe(false)
    expect(text(`rating-rectification-${ratingId(1)}`)).toContain('已开通帮办代办')

    await click(`rate-followup-${ratingId(1)}`)
    expect(text('rating-card')).toContain('追评')
    await click('rate-attitude-5')
    await click('rate-quality-5')
    await click('rate-effectiveness-4')
    await typeInto('rate-comment', '整改后很快办好了')
    await click('rate-submit')
    await waitFor(() => expect(shown('rate-done')).toBe(true))
    expect(api.callsOf('ratings.followUp')[0].payload).toEqual({ ratingId: ratingId(1), attitude: 5, quality: 5, effectiveness: 4, comment: '整改后很快办好了' })
    expect(text('rate-done')).toContain('追评已提交')
    expect(shown('rate-bad-note')).toBe(false)

    // Beside the first: one line per dimension, first rating then follow-up.
    await waitFor(() => expect(shown(`rating-followup-${ratingId(1)}`)).toBe(true))
    expect(text(`rating-followup-${ratingId(1)}-effectiveness`)).toBe('办理效果不满意满意')
    expect(text(`rating-followup-${ratingId(1)}-attitude`)).toBe('服务态度满意非常满意')
    expect(text(`rating-followup-${ratingId(1)}`)).toContain('整改后很快办好了')
    expect(shown(`rate-followup-${ratingId(1)}`)).toBe(false)
    store.dispose()
  })

  it('marks a rating removed on appeal', async () => {
    route()
    const api = new FakeApi()
      .on('ratings.pending', () => ok({ items: [] }))
      .on('ratings.mine', () =>
        ok({ items: [ratingView({ appealStatus: 'removed', appealDecisionReason: '评价内容与办理事项无关', rectification: rectificationView({ status: 'withdrawn' }) })] }),
      )
    const { store } = await renderPage(<RatingsPage />, api, holderUser)
    await waitFor(() => expect(shown(`rating-appeal-${ratingView().id}`)).toBe(true))
    expect(text(`rating-appeal-${ratingView().id}`)).toBe('申诉成立，评价已核销：评价内容与办理事项无关')
    expect(document.getElementById(`rating-${ratingView().id}`)!.className).toContain('rating-removed')
    store.dispose()
  })

  it('opens the card for the target named in the route', async () => {
    route({ targetType: 'problem', targetId: PROBLEM_ID })
    const api = new FakeApi()
      .on('ratings.pending', () => ok({ items: [pendingView(), pendingView({ targetType: 'problem', targetId: PROBLEM_ID, title: '厂房规划许可办理进度' })] }))
      .on('ratings.mine', () => ok({ items: [] }))
    const { store } = await renderPage(<RatingsPage />, api, holderUser)
    await waitFor(() => expect(shown('rating-card')).toBe(true))
    expect(document.getElementById(`pending-${PROBLEM_ID}`)!.contains(document.getElementById('rating-card'))).toBe(true)
    expect(text('rating-card')).toContain('厂房规划许可办理进度')
    expect(shown('ratings-target-missing')).toBe(false)
    store.dispose()
  })
})

describe('诉求详情: the rating prompt', () => {
  it('links a resolved problem still waiting for a rating to the rating page, preselected', async () => {
    route({ id: PROBLEM_ID })
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
    const api = new FakeApi()
      .on('problems.get', () => ok(problemDetail({ status: 'resolved', availableActions: ['confirm', 'reopen'] })))
      .on('ratings.pending', () => ok({ items: [pendingView({ targetType: 'problem', targetId: PROBLEM_ID })] }))
    const { store } = await renderPage(<ProblemDetailPage />, api, holderUser)
    await waitFor(() => expect(shown('problem-rate')).toBe(true))
    await click('problem-rate')
    expect(navigate).toHaveBeenCalledWith({ url: `/packages/holder/pages/ratings/index?targetType=problem&targetId=${PROBLEM_ID}` })
    store.dispose()
  })

  it('shows no prompt once rated, nor before the problem is resolved', async () => {
    route({ id: PROBLEM_ID })
    const rated = new FakeApi()
      .on('problems.get', () => ok(problemDetail({ status: 'closed' })))
      .on('ratings.pending', () => ok({ items: [] }))
    const first = await renderPage(<ProblemDetailPage />, rated, holderUser)
    await waitFor(() => expect(rated.callsOf('ratings.pending')).toHaveLength(1))
    expect(shown('problem-rate')).toBe(false)
    first.store.dispose()
    first.unmount()

    const open = new FakeApi().on('problems.get', () => ok(problemDetail({ status: 'in_progress' }))).on('ratings.pending', () => ok({ items: [pendingView()] }))
    const second = await renderPage(<ProblemDetailPage />, open, holderUser)
    await waitFor(() => expect(shown('problem-detail-status')).toBe(true))
    expect(open.callsOf('ratings.pending')).toHaveLength(0)
    expect(shown('problem-rate')).toBe(false)
    second.store.dispose()
  })
})
