import { checkTopicOpen, decideTopic, topicProblemDraft } from './forum.rules'

const startsAt = new Date('2026-12-10T01:00:00Z')
const before = new Date('2026-12-09T08:00:00Z')
const after = new Date('2026-12-10T03:00:00Z')
const scheduled = { status: 'scheduled' as const, startsAt }

describe('topics before the meeting', () => {
  it('are open to a signed-up holder until the meeting begins', () => {
    expect(checkTopicOpen(scheduled, true, before)).toEqual({ ok: true, data: null })
    expect(checkTopicOpen(scheduled, false, before)).toMatchObject({ error: { code: 'FORUM_SIGN_UP_REQUIRED' } })
    expect(checkTopicOpen(scheduled, true, startsAt)).toMatchObject({ error: { code: 'FORUM_TOPICS_CLOSED' } })
    expect(checkTopicOpen({ ...scheduled, status: 'cancelled' }, true, before)).toMatchObject({ error: { code: 'SESSION_CANCELLED' } })
  })
})

describe('deciding a topic', () => {
  it('waits for the meeting, then takes one outcome; the same one again is a replay', () => {
    expect(decideTopic(scheduled, { status: 'submitted' }, 'settled', before)).toMatchObject({ error: { code: 'FORUM_NOT_HELD' } })
    expect(decideTopic(scheduled, { status: 'submitted' }, 'problem', after)).toEqual({ ok: true, data: { replay: false } })
    expect(decideTopic(scheduled, { status: 'problem' }, 'problem', after)).toEqual({ ok: true, data: { replay: true } })
    expect(decideTopic(scheduled, { status: 'problem' }, 'settled', after)).toMatchObject({ error: { code: 'INVALID_TRANSITION', message: '该议题已转为诉求' } })
    expect(decideTopic(scheduled, { status: 'settled' }, 'problem', after)).toMatchObject({ error: { code: 'INVALID_TRANSITION', message: '该议题已当场解决' } })
  })
})

describe('a topic as a problem', () => {
  it('keeps its title and says at which meeting it was raised', () => {
    const draft = topicProblemDraft({ format: 'breakfast', title: '第四季度企业家早餐会', date: '2026-12-10' }, { title: '厂区道路维修', description: '园区道路破损，货车进出困难。' })
    expect(draft.title).toBe('厂区道路维修')
    expect(draft.description).toBe('2026-12-10企业家早餐会「第四季度企业家早餐会」上提出的议题，会上未能解决，转为诉求办理。\n园区道路破损，货车进出困难。')
    expect(topicProblemDraft({ format: 'symposium', title: '座谈', date: '2026-12-10' }, { title: 't', description: 'x'.repeat(3000) }).description).toHaveLength(2000)
  })
})
