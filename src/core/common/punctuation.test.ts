import { clause, sentence } from './punctuation'

describe('sentences built from what people typed (issue 15, defect 11)', () => {
  it('drops the closing punctuation of a piece', () => {
    expect(clause('材料不全。')).toBe('材料不全')
    expect(clause('请补充材料；  ')).toBe('请补充材料')
    expect(clause('Done.')).toBe('Done')
    expect(clause('“已受理”')).toBe('“已受理”')
  })

  it('joins with ；and ends with one 。, never doubled', () => {
    expect(sentence(['需要规划部门现场核实。', '建议：先提交用地预审材料。', '下一步：下个固定日 2026年12月8日'])).toBe(
      '需要规划部门现场核实；建议：先提交用地预审材料；下一步：下个固定日 2026年12月8日。',
    )
    expect(sentence(['只有一句。。'])).toBe('只有一句。')
    expect(sentence(['', '。'])).toBe('')
  })
})
