import { draftKey, readDraft } from './draft'

const isText = (value: unknown): value is { text: string } => typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string'

describe('a saved draft', () => {
  it('is one per form and user, and per holder when given', () => {
    expect(draftKey('problem', 'u1')).toBe('draft.problem.u1')
    expect(draftKey('problem', 'u1', 'h9')).toBe('draft.problem.u1.h9')
    expect(draftKey('problem', 'u2')).not.toBe(draftKey('problem', 'u1'))
    expect(draftKey('rating', 'u1')).not.toBe(draftKey('homeVisit', 'u1'))
  })

  it('reads back what was written, with the key of a submission in flight', () => {
    const saved = { v: 1, fields: { text: '厂房' }, sent: { key: 'k1234567890', fingerprint: '{"a":1}' }, queued: true }
    expect(readDraft(saved, isText)).toEqual(saved)
    expect(readDraft({ ...saved, sent: null, queued: false }, isText)).toEqual({ ...saved, sent: null, queued: false })
  })

  it('reads anything else as no draft: nothing stored, another version, cut off or altered', () => {
    const saved = { v: 1, fields: { text: '厂房' }, sent: null, queued: false }
    for (const value of ['', null, undefined, 42, [], { ...saved, v: 2 }, { ...saved, fields: { text: 3 } }, { ...saved, queued: 'yes' }, { ...saved, sent: { key: 1 } }, { v: 1, fields: { text: 'x' } }]) {
      expect(readDraft(value, isText)).toBeNull()
    }
  })
})
