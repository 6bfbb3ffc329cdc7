import { ratingSchemas } from './rating.schema'

const uuid = '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f'
type Schema = { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } } }
const ok = (schema: Schema, value: unknown) => schema.safeParse(value).success
const messages = (schema: Schema, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? []
const chinese = /[\u4e00-\u9fa5]/

describe('ratings.submit', () => {
  const input = { targetType: 'problem', targetId: uuid, attitude: 5, quality: 4, effectiveness: 3 }

  it('takes a target and the three levels, with an optional trimmed comment', () => {
    expect(ratingSchemas.submit.parse(input)).toEqual(input)
    expect(ratingSchemas.submit.parse({ ...input, targetType: 'visit', comment: ' 工作人员很耐心 ' }).comment).toBe('工作人员很耐心')
    expect(ok(ratingSchemas.submit, { ...input, comment: '好'.repeat(500) })).toBe(true)
    expect(ok(ratingSchemas.submit, { ...input, comment: '好'.repeat(501) })).toBe(false)
  })

  it.each([0, 6, 4.5, '4', null, -1])('refuses level %p with a Chinese message naming the dimension', (value) => {
    expect(messages(ratingSchemas.submit, { ...input, quality: value })).toEqual(['请为「办理质量」选择1–5的评价等级'])
  })

  it('requires every dimension', () => {
    const { effectiveness: _, ...missing } = input
    expect(messages(ratingSchemas.submit, missing)).toEqual(['请为「办理效果」选择1–5的评价等级'])
  })

  it('refuses an unknown target type, a malformed id and unknown fields (a holder cannot set kind or bad)', () => {
    expect(messages(ratingSchemas.submit, { ...input, targetType: 'booking' })).toEqual(['请选择评价对象类型'])
    expect(ok(ratingSchemas.submit, { ...input, targetId: 'problem-1' })).toBe(false)
    expect(ok(ratingSchemas.submit, { ...input, kind: 'followUp' })).toBe(false)
    expect(ok(ratingSchemas.submit, { ...input, bad: false })).toBe(false)
    expect(ok(ratingSchemas.submit, { ...input, comment: '   ' })).toBe(false)
    for (const message of [
      ...messages(ratingSchemas.submit, { ...input, targetId: 'x' }),
      ...messages(ratingSchemas.submit, { ...input, extra: 1 }),
      ...messages(ratingSchemas.submit, { ...input, comment: '   ' }),
    ]) {
      expect(message).toMatch(chinese)
    }
  })
})

describe('ratings.followUp', () => {
  it('takes the initial rating and the three levels', () => {
    expect(ok(ratingSchemas.followUp, { ratingId: uuid, attitude: 4, quality: 4, effectiveness: 4, comment: '整改及时' })).toBe(true)
    expect(ok(ratingSchemas.followUp, { ratingId: uuid, attitude: 4, quality: 4 })).toBe(false)
    expect(ok(ratingSchemas.followUp, { targetId: uuid, attitude: 4, quality: 4, effectiveness: 4 })).toBe(false)
  })
})

describe('department and admin actions', () => {
  it('require a note or a reason of at least two characters', () => {
    expect(ok(ratingSchemas.recordReturnVisit, { ratingId: uuid, note: '已电话回访' })).toBe(true)
    expect(ok(ratingSchemas.recordReturnVisit, { ratingId: uuid, note: ' 好 ' })).toBe(false)
    expect(ok(ratingSchemas.rectify, { ratingId: uuid, note: '已重新培训窗口人员并答复企业' })).toBe(true)
    expect(ok(ratingSchemas.rectify, { ratingId: uuid })).toBe(false)
    expect(ok(ratingSchemas.appeal, { ratingId: uuid, reason: '恶意差评' })).toBe(true)
    expect(ok(ratingSchemas.appeal, { ratingId: uuid, reason: 'x'.repeat(1001) })).toBe(false)
    expect(messages(ratingSchemas.appeal, { ratingId: uuid, reason: '' })[0]).toMatch(chinese)
  })

  it('decide an appeal with uphold true or false and a reason', () => {
    expect(ok(ratingSchemas.decideAppeal, { ratingId: uuid, uphold: true, reason: '情况属实' })).toBe(true)
    expect(ok(ratingSchemas.decideAppeal, { ratingId: uuid, uphold: false, reason: '经核实系恶意差评' })).toBe(true)
    expect(ok(ratingSchemas.decideAppeal, { ratingId: uuid, uphold: false })).toBe(false)
    expect(messages(ratingSchemas.decideAppeal, { ratingId: uuid, uphold: 'yes', reason: '情况属实' })).toEqual(['请选择维持评价或核销评价'])
  })

  it('filter rectifications by a known status', () => {
    expect(ok(ratingSchemas.rectifications, {})).toBe(true)
    for (const status of ['open', 'visited', 'rectified', 'withdrawn']) expect(ok(ratingSchemas.rectifications, { status })).toBe(true)
    expect(ok(ratingSchemas.rectifications, { status: 'closed' })).toBe(false)
  })

  it('list pending ratings without any input', () => {
    expect(ok(ratingSchemas.pending, {})).toBe(true)
    expect(ok(ratingSchemas.pending, { holderId: uuid })).toBe(false)
  })

  it('list the caller’s own ratings without any input (nobody names another holder)', () => {
    expect(ok(ratingSchemas.mine, {})).toBe(true)
    expect(ok(ratingSchemas.mine, { holderId: uuid })).toBe(false)
  })
})

describe('ratings.scores', () => {
  it('takes a real month and an optional department', () => {
    expect(ratingSchemas.scores.parse({ month: ' 2026-10 ' })).toEqual({ month: '2026-10' })
    expect(ok(ratingSchemas.scores, { month: '2026-10', departmentId: uuid })).toBe(true)
  })

  it.each(['2026-13', '2026-00', '2026-1', '2026-10-01', '202610', ''])('refuses month %p in Chinese', (month) => {
    expect(messages(ratingSchemas.scores, { month })).toEqual(['月份格式不正确，应如 2026-12'])
  })

  it('requires the month', () => {
    expect(ok(ratingSchemas.scores, {})).toBe(false)
    expect(messages(ratingSchemas.scores, {})[0]).toMatch(chinese)
  })
})
