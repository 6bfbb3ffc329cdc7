import { departmentView, mergeStats, ratingStats, surveyResults, type ResultSection } from './survey.results'

const sections: ResultSection[] = [
  {
    id: 'a1',
    title: '政策落实',
    items: [
      { id: 'a1-1', kind: 'rating', text: '宣传解读', departmentId: 'dep-a' },
      { id: 'a1-2', kind: 'rating', text: '兑现及时', departmentId: 'dep-b' },
      { id: 'a1-3', kind: 'multiple', text: '渠道', options: ['走访', '服务站', '其他'] },
    ],
  },
  {
    id: 'a2',
    title: '干部作风',
    items: [
      { id: 'a2-1', kind: 'rating', text: '主动服务', departmentId: 'dep-a' },
      { id: 'a2-2', kind: 'single', text: '用工', options: ['满足', '缺口'] },
      { id: 'a2-3', kind: 'text', text: '建议' },
    ],
  },
]

// Three anonymous sheets, as rows.
const answers = [
  { itemId: 'a1-1', level: 5 }, { itemId: 'a1-1', level: 4 }, { itemId: 'a1-1', level: 4 },
  { itemId: 'a1-2', level: 2 }, { itemId: 'a1-2', level: 3 }, { itemId: 'a1-2', level: 3 },
  { itemId: 'a1-3', choices: ['走访', '服务站'] }, { itemId: 'a1-3', choices: ['走访'] },
  { itemId: 'a2-1', level: 3 }, { itemId: 'a2-1', level: 4 },
  { itemId: 'a2-2', choices: ['缺口'] }, { itemId: 'a2-2', choices: ['缺口'] }, { itemId: 'a2-2', choices: ['满足'] },
  { itemId: 'a2-3', text: '审批再快一些' },
]

describe('survey results', () => {
  const results = surveyResults(sections, answers, 3)

  it('averages and counts each rating item to two decimals, with its distribution', () => {
    const item = results.items.find((i) => i.itemId === 'a1-2')!
    expect(item.rating).toEqual({ count: 3, average: 2.67, distribution: { 5: 0, 4: 0, 3: 2, 2: 1, 1: 0 } })
    expect(item.departmentId).toBe('dep-b')
    expect(results.items.find((i) => i.itemId === 'a1-1')!.rating!.average).toBe(4.33)
  })

  it('counts every option of a choice item, chosen or not, and keeps free text without anything else', () => {
    expect(results.items.find((i) => i.itemId === 'a1-3')!.options).toEqual([{ option: '走访', count: 2 }, { option: '服务站', count: 1 }, { option: '其他', count: 0 }])
    expect(results.items.find((i) => i.itemId === 'a2-2')!.options).toEqual([{ option: '满足', count: 1 }, { option: '缺口', count: 2 }])
    expect(results.items.find((i) => i.itemId === 'a2-3')!.texts).toEqual(['审批再快一些'])
    expect(results.items.find((i) => i.itemId === 'a2-3')!.rating).toBeNull()
  })

  it('averages an aspect over all ratings of its items (answers weigh alike)', () => {
    expect(results.sections[0]).toMatchObject({ sectionId: 'a1', title: '政策落实', count: 6, average: 3.5 })
    expect(results.sections[1]).toMatchObject({ sectionId: 'a2', count: 2, average: 3.5 })
  })

  it('scores each department over the rating items mapped to it', () => {
    expect(results.departments).toEqual([
      { departmentId: 'dep-a', itemCount: 2, count: 5, average: 4, distribution: { 5: 1, 4: 3, 3: 1, 2: 0, 1: 0 } },
      { departmentId: 'dep-b', itemCount: 1, count: 3, average: 2.67, distribution: { 5: 0, 4: 0, 3: 2, 2: 1, 1: 0 } },
    ])
  })

  it('lists items averaging at or below the threshold as findings, lowest first', () => {
    expect(results.findings.map((f) => [f.itemId, f.average])).toEqual([['a1-2', 2.67]])
    expect(surveyResults(sections, answers, 3, 3.5).findings.map((f) => [f.itemId, f.average])).toEqual([['a1-2', 2.67], ['a2-1', 3.5]])
    expect(results.findings[0]).toMatchObject({ sectionTitle: '政策落实', departmentId: 'dep-b', count: 3 })
  })

  it('has no average and no finding for an item nobody rated', () => {
    const none = surveyResults(sections, [], 0)
    expect(none.items[0].rating).toEqual({ count: 0, average: null, distribution: { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 } })
    expect(none.findings).toEqual([])
    expect(none.sections[0].average).toBeNull()
  })

  it('shows a department its own score and findings only', () => {
    const mine = departmentView(results, 'dep-a')
    expect(mine.departments.map((d) => d.departmentId)).toEqual(['dep-a'])
    expect(mine.findings).toEqual([])
    expect(mine.items).toHaveLength(6)
  })

  it('merges stats as one list of ratings', () => {
    expect(mergeStats([ratingStats([5, 4]), ratingStats([1])])).toEqual(ratingStats([5, 4, 1]))
    expect(ratingStats([5, 4, 1]).average).toBe(3.33)
  })
})
