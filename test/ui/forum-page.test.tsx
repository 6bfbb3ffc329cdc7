import { waitFor } from '@testing-library/react'
import type { ForumView, TopicView } from '@/core/forum/forum.schema'
import ForumPage from '@/packages/survey/pages/forum/index'
import { FakeApi, holderUser, ok } from './fake-api'
import { click, renderPage, typeInto } from './render'

const FORUM_ID = '7b2e1c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const text = (id: string) => document.getElementById(id)?.textContent ?? ''

// A week ahead, whenever the test runs: topics are open until the meeting starts.
const start = new Date(Date.now() + 7 * 86_400_000)
const forum: ForumView = {
  sessionId: FORUM_ID,
  format: 'breakfast',
  title: '第四季度企业家早餐会',
  venue: '三楼会议室',
  station: { id: 's1', name: '区政务服务中心', address: '环翠区青岛北路1号' },
  date: start.toISOString().slice(0, 10),
  start: start.toISOString(),
  end: new Date(start.getTime() + 90 * 60_000).toISOString(),
  status: 'scheduled',
  cancelReason: null,
  capacity: 20,
  signedUp: 5,
  mySignUp: null,
  topicCount: 0,
}
const topic = (over: Partial<TopicView>): TopicView => ({
  id: 't1',
  sessionId: FORUM_ID,
  title: '厂房扩建用地指标',
  description: '二期厂房扩建缺少用地指标。',
  status: 'submitted',
  note: null,
  problem: null,
  holderName: null,
  createdAt: new Date().toISOString(),
  decidedAt: null,
  ...over,
})

describe('政企座谈会 (holder)', () => {
  it('signs up, validates a topic on the phone, submits it with a key, and shows each topic’s outcome', async () => {
    const signedUp = { ...forum, signedUp: 6, mySignUp: { bookingId: 'b1', status: 'confirmed' } }
    const api = new FakeApi()
      .on('forums.list', () => ok({ items: [forum] }))
      .on('forums.get', () => ok({ ...forum, topics: [] }))
      .on('forums.signUp', () => ok(signedUp))
      .on('forums.submitTopic', (p) => ok(topic({ id: 't2', title: p.title, description: p.description })))
    const { store } = await renderPage(<ForumPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById(`forum-${FORUM_ID}`)).toBeTruthy())
    expect(text(`forum-${FORUM_ID}`)).toContain('区政务服务中心 三楼会议室')
    expect(text(`forum-${FORUM_ID}`)).toContain('已报名 5 / 20 家')

    await click(`forum-open-${FORUM_ID}`)
    await waitFor(() => expect(document.getElementById('forum-sign-up')).toBeTruthy())
    expect(document.getElementById('forum-topic-form')).toBeNull()
    await click('forum-sign-up')
    await waitFor(() => expect(text('forum-signed-up')).toBe('贵单位已报名'))
    expect(api.callsOf('forums.signUp')[0].payload).toEqual({ sessionId: FORUM_ID, idempotencyKey: expect.stringMatching(/^[a-z0-9]{16,}$/) })
    expect(text('forum-detail-seats')).toContain('已报名 6 / 20 家')

    await typeInto('forum-topic-title', '地')
    await click('forum-topic-submit')
    expect(text('forum-topic-title-error')).toBe('标题至少2个字')
    expect(api.callsOf('forums.submitTopic')).toHaveLength(0)
    await typeInto('forum-topic-title', '员工子女入学')
    await typeInto('forum-topic-description', '外地员工子女入学需要哪些材料？')
    await click('forum-topic-submit')
    await waitFor(() => expect(document.getElementById('forum-topic-t2')).toBeTruthy())
    expect(text('forum-topic-t2')).toContain('待座谈')
    expect(text('forum-topic-submitted')).toContain('议题已提交')
    expect(api.callsOf('forums.submitTopic')[0].payload).toEqual({
      sessionId: FORUM_ID,
      title: '员工子女入学',
      description: '外地员工子女入学需要哪些材料？',
      idempotencyKey: expect.stringMatching(/^[a-z0-9]{16,}$/),
    })
    store.dispose()
  })

  it('shows what became of the enterprise’s topics after the meeting, and takes no more', async () => {
    const past = { ...forum, start: new Date(Date.now() - 3_600_000).toISOString(), mySignUp: { bookingId: 'b1', status: 'checked_in' }, topicCount: 2 }
    const api = new FakeApi()
      .on('forums.list', () => ok({ items: [past] }))
      .on('forums.get', () =>
        ok({
          ...past,
          topics: [
            topic({ id: 't1', status: 'problem', problem: { id: 'p1', number: 'P2026-000042' } }),
            topic({ id: 't2', title: '贷款贴息到账慢', status: 'settled', note: '财政局会上说明：12月底前拨付。' }),
          ],
        }),
      )
    const { store } = await renderPage(<ForumPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById(`forum-open-${FORUM_ID}`)).toBeTruthy())
    await click(`forum-open-${FORUM_ID}`)
    await waitFor(() => expect(document.getElementById('forum-topic-t1')).toBeTruthy())
    expect(text('forum-topic-t1')).toContain('已转为诉求 P2026-000042')
    expect(text('forum-topic-t2')).toContain('当场解决')
    expect(text('forum-topic-t2')).toContain('会上答复：财政局会上说明：12月底前拨付。')
    expect(document.getElementById('forum-topic-form')).toBeNull()
    expect(document.getElementById('forum-sign-up')).toBeNull()
    store.dispose()
  })
})
