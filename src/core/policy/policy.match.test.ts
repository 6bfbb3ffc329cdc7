import { policyHasTag, policyMatches, recommend, type HolderInterests, type PolicyTargets } from './policy.match'

const holder: HolderInterests = { cardType: 'enterprise', industries: ['electronics'], topics: ['financing', 'talent'] }
const none: PolicyTargets = { industries: [], topics: [], cardTypes: [] }

describe('policyMatches', () => {
  it('matches untargeted policies and policies meeting every dimension', () => {
    expect(policyMatches(none, holder)).toBe(true)
    expect(policyMatches({ ...none, industries: ['electronics', 'equipment'] }, holder)).toBe(true)
    expect(policyMatches({ industries: ['electronics'], topics: ['financing'], cardTypes: ['enterprise'] }, holder)).toBe(true)
  })

  it('refuses a policy that misses one dimension', () => {
    expect(policyMatches({ ...none, industries: ['tourism'] }, holder)).toBe(false)
    expect(policyMatches({ ...none, topics: ['land'] }, holder)).toBe(false)
    expect(policyMatches({ ...none, cardTypes: ['talent'] }, holder)).toBe(false)
  })

  it('does not push an industry’s policy to a holder whose profile names no industry', () => {
    const blank: HolderInterests = { cardType: 'enterprise', industries: [], topics: [] }
    expect(policyMatches({ ...none, industries: ['electronics'] }, blank)).toBe(false)
    expect(policyMatches({ ...none, cardTypes: ['enterprise'] }, blank)).toBe(true)
  })
})

describe('recommend', () => {
  const p = (id: string, day: number, targets = none) => ({ id, publishedAt: `2026-10-${String(day).padStart(2, '0')}T02:00:00Z`, ...targets })
  const policies = [p('a', 1), p('b', 5, { ...none, industries: ['tourism'] }), p('c', 3, { ...none, industries: ['electronics'] }), p('d', 9, { ...none, topics: ['land'] }), p('e', 3)]

  it('puts matching policies first, then the others, each newest first', () => {
    const order = recommend(policies, holder)
    expect(order.map((x) => [x.id, x.matched])).toEqual([
      ['e', true],
      ['c', true],
      ['a', true],
      ['d', false],
      ['b', false],
    ])
  })

  it('is newest first for whoever has no profile', () => {
    expect(recommend(policies, null).map((x) => x.id)).toEqual(['d', 'b', 'e', 'c', 'a'])
    expect(recommend(policies, null).every((x) => !x.matched)).toBe(true)
  })
})

describe('policyHasTag', () => {
  it('reads the dimension of the tag', () => {
    const policy = { industries: ['electronics'], topics: ['talent'], cardTypes: ['project'] } as const
    expect(policyHasTag(policy, 'industry:electronics')).toBe(true)
    expect(policyHasTag(policy, 'topic:talent')).toBe(true)
    expect(policyHasTag(policy, 'cardType:talent')).toBe(false)
    expect(policyHasTag(policy, 'cardType:project')).toBe(true)
  })
})
