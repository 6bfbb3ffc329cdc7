import { waitFor } from '@testing-library/react'
import type { UserView } from '@/core/auth/roles'
import type { ForumView, TopicView } from '@/core/forum/forum.schema'
import ForumsAdminPage from '@/packages/admin/pages/forums/index'
import { adminUser, FakeApi, ok } from './fake-api'
import { click, renderPage, typeInto } from './render'

const FORUM_ID = '7b2e1c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const ZRZY = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f'
const leaderUser: UserView = { id: 'u-leader', name: '赵区长', roles: ['leader'], departmentId: null }
const text = (id: string) => document.getElementById(id)?.textContent ?? ''

// An hour ago: the meeting has begun, so its topics can be decided.
const start = new Date(Date.now() - 3_600_000)
const forum: ForumView = {
  sessionId: FORUM_ID,
  format: 'symposium',
  title: '政企面对面座谈会',
  venue: null,
  station: { id: 's1', name: '区政务服务中心', address: '环翠区青岛北路1号' },
  date: start.toISOString().slice(0, 10),
  start: start.toISOString(),
  end: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
  status: 'scheduled',
  cancelReason: null,
  capacity: 30,
  signedUp: 2,
  mySignUp: null,
  topicCount: 2,
}
const topic = (id: string, over: Partial<TopicView> = {}): TopicView => ({
  id,
  sessionId: FORUM_ID,
  title: id === 't1' ? '厂房扩建用地指标' : '贷款贴息到账慢',
  description: '详情',
  status: 'submitted',
  note: null,
  problem: null,
  holderName: '威海海川科技有限公司',
  createdAt: start.toISOString(),
  decidedAt: null,
  ...over,
})

function fakeApi() {
  return new FakeApi()
    .on('forums.list', () => ok({ items: [forum] }))
    .on('forums.get', () => ok({ ...forum, topics: [topic('t1'), topic('t2')] }))
    .on('stations.list', () => ok({ items: [] }))
    .on('stations.directory', () => ok({ departments: [{ id: ZRZY, name: '区自然资源局' }], staff: [] }))
    .on('forums.toProblem', (p) => ok(topic(p.topicId, { status: 'problem', problem: { id: 'p1', number: 'P2026-000042' } })))
    .on('forums.settle', (p) => ok(topic(p.topicId, { status: 'settled', note: p.note })))
}

describe('座谈会管理', () => {
  it('lets an administrator settle one topic with a note and turn another into a problem of the chosen department', async () => {
    const api = fakeApi()
    const { store } = await renderPage(<ForumsAdminPage />, api, adminUser)
    await waitFor(() => expect(document.getElementById(`forum-admin-open-${FORUM_ID}`)).toBeTruthy())
    expect(document.getElementById('forum-create')).toBeTruthy()
    await click(`forum-admin-open-${FORUM_ID}`)
    await waitFor(() => expect(document.getElementById('forum-to-problem-t1')).toBeTruthy())
    expect(text('forum-admin-topic-t1')).toContain('威海海川科技有限公司')

    await click('forum-to-problem-t1')
    expect(text('forum-admin-error')).toContain('请先选择责任部门')
    expect(api.callsOf('forums.toProblem')).toHaveLength(0)
    await click(`forum-dept-t1-${ZRZY}`)
    await click('forum-category-t1-land')
    await click('forum-to-problem-t1')
    await waitFor(() => expect(text('forum-admin-topic-t1')).toContain('诉求 P2026-000042'))
    expect(api.callsOf('forums.toProblem')[0].payload).toEqual({ topicId: 't1', departmentId: ZRZY, category: 'land' })
    expect(document.getElementById('forum-to-problem-t1')).toBeNull()

    await typeInto('forum-note-t2', '财政局会上说明：12月底前拨付。')
    await click('forum-settle-t2')
    await waitFor(() => expect(text('forum-admin-topic-t2')).toContain('会上答复：财政局会上说明：12月底前拨付。'))
    expect(api.callsOf('forums.settle')[0].payload).toEqual({ topicId: 't2', note: '财政局会上说明：12月底前拨付。' })
    store.dispose()
  })

  it('shows a leader the meetings and topics, with nothing to create or decide', async () => {
    const api = fakeApi()
    const { store } = await renderPage(<ForumsAdminPage />, api, leaderUser)
    await waitFor(() => expect(document.getElementById(`forum-admin-open-${FORUM_ID}`)).toBeTruthy())
    await click(`forum-admin-open-${FORUM_ID}`)
    await waitFor(() => expect(document.getElementById('forum-admin-topic-t1')).toBeTruthy())
    expect(document.getElementById('forum-create')).toBeNull()
    expect(document.getElementById('forum-to-problem-t1')).toBeNull()
    expect(document.getElementById('forum-settle-t1')).toBeNull()
    expect(api.callsOf('stations.directory')).toHaveLength(0)
    store.dispose()
  })
})
