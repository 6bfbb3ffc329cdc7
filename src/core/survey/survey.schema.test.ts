import { surveySchemas } from './survey.schema'
import { BUSINESS_ENVIRONMENT_TEMPLATE } from './survey.template'

const draft = (overrides: Record<string, unknown> = {}) => ({
  ...BUSINESS_ENVIRONMENT_TEMPLATE,
  audience: { cardTypes: [], industries: [] },
  opensOn: '2026-12-01',
  closesOn: '2026-12-15',
  ...overrides,
})

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message

describe('survey schemas', () => {
  it('take the 营商环境 template as a draft: 8 aspects', () => {
    const parsed = surveySchemas.save.parse(draft())
    expect(parsed.sections.map((s) => s.title)).toEqual(['政策落实', '项目落地', '企业运营', '窗口服务', '要素保障', '融资', '用工', '干部作风'])
    expect(parsed.sections.flatMap((s) => s.items).length).toBeGreaterThanOrEqual(35)
  })

  it('refuse repeated keys, a closing day before the opening day, a choice with one option, an unknown industry', () => {
    const [first] = BUSINESS_ENVIRONMENT_TEMPLATE.sections
    expect(firstMessage(surveySchemas.save.safeParse(draft({ sections: [first, first] })))).toBe('方面和题目的编号不能重复')
    expect(firstMessage(surveySchemas.save.safeParse(draft({ closesOn: '2026-11-30' })))).toBe('截止日期不能早于开始日期')
    const single = { id: 'x', kind: 'single', text: '只有一个选项', options: ['甲'] }
    expect(firstMessage(surveySchemas.save.safeParse(draft({ sections: [{ id: 's', title: '方面', items: [single] }] })))).toBe('选择题至少要有2个选项')
    expect(surveySchemas.save.safeParse(draft({ audience: { cardTypes: [], industries: ['航天'] } })).success).toBe(false)
    expect(firstMessage(surveySchemas.save.safeParse(draft({ sections: [{ id: 'S', title: '方面', items: [] }] })))).toMatch(/编号只能包含/)
  })

  it('take answers as levels, options or text keyed by item, and refuse other shapes', () => {
    const key = 'key-12345678'
    const id = '0b4b5d0e-5d2e-4c8e-9b1f-0a3c6d2e7f10'
    expect(surveySchemas.answer.safeParse({ id, answers: { 'a1-1': 5, 'a1-5': ['政策直通车'], 'a8-5': '好' }, idempotencyKey: key }).success).toBe(true)
    expect(surveySchemas.answer.safeParse({ id, answers: { 'a1-1': 4.5 }, idempotencyKey: key }).success).toBe(false)
    expect(surveySchemas.answer.safeParse({ id, answers: { 'a1-1': { level: 5 } }, idempotencyKey: key }).success).toBe(false)
    expect(surveySchemas.answer.safeParse({ id, answers: { 'a1-1': '\u0000' }, idempotencyKey: key }).success).toBe(false)
  })
})
