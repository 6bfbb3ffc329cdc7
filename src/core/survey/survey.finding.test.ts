import { findingCategory, findingOf, findingProblemDraft } from './survey.finding'
import { surveyResults } from './survey.results'

describe('a finding as a problem', () => {
  const results = surveyResults(
    [
      {
        id: 'a6',
        title: '融资',
        items: [
          { id: 'a6-1', kind: 'rating', text: '银行贷款可获得性', departmentId: 'dep' },
          { id: 'a6-2', kind: 'rating', text: '融资成本' },
          { id: 'a6-3', kind: 'text', text: '建议' },
        ],
      },
    ],
    [{ itemId: 'a6-1', level: 2 }, { itemId: 'a6-1', level: 3 }, { itemId: 'a6-2', level: 5 }],
    2,
  )

  it('is found only for a rating item at or below the threshold', () => {
    expect(findingOf(results, 'a6-1')).toMatchObject({ ok: true, data: { itemId: 'a6-1', average: 2.5, departmentId: 'dep' } })
    expect(findingOf(results, 'a6-2')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '该题平均分高于问题线（3分），不是问题项' } })
    expect(findingOf(results, 'a6-3')).toMatchObject({ ok: false, error: { message: '只有五级评价题可以转为诉求' } })
    expect(findingOf(results, 'zz')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('takes its category from the aspect and says where it comes from', () => {
    expect(findingCategory('融资')).toBe('financing')
    expect(findingCategory('政策落实')).toBe('policy')
    expect(findingCategory('干部作风')).toBe('other')
    const finding = findingOf(results, 'a6-1')
    if (!finding.ok) throw new Error('no finding')
    expect(findingProblemDraft('营商环境调查', finding.data, 3)).toEqual({
      category: 'financing',
      title: '企业评判问题项：银行贷款可获得性',
      description: '营商环境调查「融资」方面“银行贷款可获得性”一项，2家企业评价，平均2.5分，不高于问题线3分。请责任部门分析原因、提出整改措施并答复。',
    })
    expect(findingProblemDraft('调查', { ...finding.data, text: '很长'.repeat(40) }, 3).title).toHaveLength(60)
  })
})
