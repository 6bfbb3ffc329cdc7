import { policySchemas } from './policy.schema'

const draft = { kind: 'benefit', title: '科技创新券申领', issuer: '区科学技术局', summary: '对研发投入给予补助', body: '第一条 …' }

describe('policySchemas', () => {
  it('takes a draft with defaults for the lists', () => {
    const parsed = policySchemas.save.parse(draft)
    expect(parsed).toMatchObject({ attachments: [], industries: [], topics: [], cardTypes: [] })
  })

  it('refuses unknown keys, repeated tags, a period ending before it starts and a bad attachment', () => {
    expect(policySchemas.save.safeParse({ ...draft, industries: ['electronics', 'electronics'] }).success).toBe(false)
    expect(policySchemas.save.safeParse({ ...draft, industries: ['半导体'] }).success).toBe(false)
    expect(policySchemas.save.safeParse({ ...draft, effectiveFrom: '2026-10-02', effectiveTo: '2026-10-01' }).success).toBe(false)
    expect(policySchemas.save.safeParse({ ...draft, attachments: [{ key: 'https://evil.example/x.pdf', name: '附件' }] }).success).toBe(false)
    expect(policySchemas.save.safeParse({ ...draft, extra: 1 }).success).toBe(false)
  })

  it('searches by a word of two characters, filters by a tag of a named dimension', () => {
    expect(policySchemas.list.parse({ q: ' 融资 ', tag: 'topic:financing' })).toEqual({ q: '融资', tag: 'topic:financing' })
    expect(policySchemas.list.safeParse({ tag: 'financing' }).success).toBe(false)
    expect(policySchemas.list.safeParse({ q: '' }).success).toBe(false)
  })
})
