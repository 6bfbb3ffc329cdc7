import { homeEntries, mainEntries, workTabs } from './home'

const ids = (roles: Parameters<typeof homeEntries>[0]) => homeEntries(roles).map((entry) => entry.id)

describe('home entries', () => {
  it('puts a holder who is also staff first a holder, then staff, each entry once, policies and messages last', () => {
    const both = ids(['staff', 'holder'])
    expect(both.slice(0, 2)).toEqual(['entry-card', 'entry-sessions'])
    expect(both.indexOf('entry-verify')).toBeGreaterThan(both.indexOf('entry-surveys'))
    expect(both.slice(-2)).toEqual(['entry-policies', 'entry-inbox'])
    expect(new Set(ids(['admin', 'leader', 'handler', 'staff'])).size).toBe(ids(['admin', 'leader', 'handler', 'staff']).length)
  })

  it('names the survey entry after what the role does there', () => {
    const survey = (roles: Parameters<typeof homeEntries>[0]) => homeEntries(roles).find((entry) => entry.id === 'entry-surveys')?.label
    expect(survey(['holder'])).toBe('问卷调查')
    expect(survey(['leader'])).toBe('问卷结果')
    expect(survey(['admin', 'holder'])).toBe('企业评判问卷')
    expect(survey(['staff'])).toBeUndefined()
  })

  it('leaves someone without a role policies and messages, and 适老化 mode four entries', () => {
    expect(ids([])).toEqual(['entry-policies', 'entry-inbox'])
    expect(mainEntries(['handler']).map((entry) => entry.id)).toEqual(['entry-handler-inbox', 'entry-handler-rectifications', 'entry-leader-scores', 'entry-policy-manage'])
  })

  it('gives the 工作台 and 消息 tabs to people with a role but no card only', () => {
    expect(workTabs(['staff'])).toBe(true)
    expect(workTabs(['staff', 'holder'])).toBe(false)
    expect(workTabs([])).toBe(false)
  })
})
