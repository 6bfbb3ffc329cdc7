import { decidePolicy, policyActions, policyVisible } from './policy.machine'

describe('the policy lifecycle', () => {
  it('goes draft → published → withdrawn, and no other way', () => {
    expect(decidePolicy('save', 'draft')).toEqual({ ok: true, data: 'draft' })
    expect(decidePolicy('publish', 'draft')).toEqual({ ok: true, data: 'published' })
    expect(decidePolicy('withdraw', 'published')).toEqual({ ok: true, data: 'withdrawn' })
    for (const [action, from] of [['save', 'published'], ['save', 'withdrawn'], ['publish', 'published'], ['publish', 'withdrawn'], ['withdraw', 'draft'], ['withdraw', 'withdrawn']] as const) {
      const refused = decidePolicy(action, from)
      expect(refused.ok).toBe(false)
      if (!refused.ok) expect(refused.error.code).toBe('INVALID_TRANSITION')
    }
  })

  it('offers managers what the state allows, and others nothing', () => {
    expect(policyActions('draft', true)).toEqual(['save', 'publish'])
    expect(policyActions('published', true)).toEqual(['withdraw'])
    expect(policyActions('withdrawn', true)).toEqual([])
    expect(policyActions('draft', false)).toEqual([])
  })

  it('keeps a withdrawn policy readable to whoever opened it', () => {
    expect(policyVisible('published', { manages: false, opened: false })).toBe(true)
    expect(policyVisible('withdrawn', { manages: false, opened: true })).toBe(true)
    expect(policyVisible('withdrawn', { manages: false, opened: false })).toBe(false)
    expect(policyVisible('draft', { manages: false, opened: true })).toBe(false)
    expect(policyVisible('draft', { manages: true, opened: false })).toBe(true)
  })
})
