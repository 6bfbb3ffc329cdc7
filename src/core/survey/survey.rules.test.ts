import { checkAnswers, closedOnDate, decideAnswer, decideClose, decideEdit, decidePublish, inAudience, surveyPhase, type SurveyDates } from './survey.rules'

const open: SurveyDates = { status: 'open', opensOn: '2026-12-01', closesOn: '2026-12-15', closedOn: null }

describe('survey lifecycle', () => {
  it('reads the phase from the status and the dates (inclusive)', () => {
    expect(surveyPhase({ ...open, status: 'draft' }, '2026-12-05')).toBe('draft')
    expect(surveyPhase(open, '2026-11-30')).toBe('scheduled')
    expect(surveyPhase(open, '2026-12-01')).toBe('open')
    expect(surveyPhase(open, '2026-12-15')).toBe('open')
    expect(surveyPhase(open, '2026-12-16')).toBe('closed')
    expect(surveyPhase({ ...open, status: 'closed', closedOn: '2026-12-03' }, '2026-12-05')).toBe('closed')
  })

  it('closes on the earlier of the closing day and the day it was closed by hand', () => {
    expect(closedOnDate(open, '2026-12-10')).toBeNull()
    expect(closedOnDate(open, '2026-12-16')).toBe('2026-12-15')
    expect(closedOnDate({ ...open, status: 'closed', closedOn: '2026-12-03' }, '2026-12-20')).toBe('2026-12-03')
    expect(closedOnDate({ ...open, status: 'closed', closedOn: '2026-12-20' }, '2026-12-20')).toBe('2026-12-15')
    expect(closedOnDate({ ...open, status: 'draft' }, '2027-01-01')).toBeNull()
  })

  it('edits drafts only and publishes a draft whose closing day is not past', () => {
    expect(decideEdit({ ...open, status: 'draft' }).ok).toBe(true)
    expect(decideEdit(open)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } })
    expect(decidePublish({ ...open, status: 'draft' }, '2026-12-15').ok).toBe(true)
    expect(decidePublish({ ...open, status: 'draft' }, '2026-12-16')).toMatchObject({ ok: false, error: { code: 'DATE_IN_PAST' } })
    expect(decidePublish(open, '2026-12-02')).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } })
  })

  it('closes a published survey once, and takes answers only while open', () => {
    expect(decideClose(open, '2026-11-20').ok).toBe(true)
    expect(decideClose({ ...open, status: 'draft' }, '2026-12-02').ok).toBe(false)
    expect(decideClose(open, '2026-12-16')).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } })
    expect(decideAnswer(open, '2026-12-02').ok).toBe(true)
    expect(decideAnswer(open, '2026-11-30')).toMatchObject({ ok: false, error: { code: 'SURVEY_NOT_OPEN', message: '该问卷2026-12-01开始填写' } })
    expect(decideAnswer(open, '2026-12-16')).toMatchObject({ ok: false, error: { code: 'SURVEY_NOT_OPEN' } })
  })
})

describe('survey audience', () => {
  it('narrows by card type and by industry; empty lists narrow nothing', () => {
    const member = { cardType: 'enterprise' as const, industries: ['fishingGear'] }
    expect(inAudience({ cardTypes: [], industries: [] }, member)).toBe(true)
    expect(inAudience({ cardTypes: ['enterprise'], industries: [] }, member)).toBe(true)
    expect(inAudience({ cardTypes: ['talent'], industries: [] }, member)).toBe(false)
    expect(inAudience({ cardTypes: [], industries: ['fishingGear', 'eldercare'] }, member)).toBe(true)
    expect(inAudience({ cardTypes: [], industries: ['eldercare'] }, member)).toBe(false)
    expect(inAudience({ cardTypes: [], industries: ['eldercare'] }, { cardType: 'project', industries: [] })).toBe(false)
  })
})

describe('answers against the questionnaire', () => {
  const sections = [
    {
      title: '政策落实',
      items: [
        { id: 'r', kind: 'rating' as const, text: '评价' },
        { id: 's', kind: 'single' as const, text: '单选', options: ['甲', '乙'] },
        { id: 'm', kind: 'multiple' as const, text: '多选', options: ['甲', '乙', '丙'] },
        { id: 't', kind: 'text' as const, text: '意见' },
      ],
    },
  ]

  it('takes a complete sheet, free text optional', () => {
    expect(checkAnswers(sections, { r: 4, s: '乙', m: ['甲', '丙'] })).toEqual({
      ok: true,
      data: [
        { itemId: 'r', kind: 'rating', level: 4 },
        { itemId: 's', kind: 'single', choices: ['乙'] },
        { itemId: 'm', kind: 'multiple', choices: ['甲', '丙'] },
      ],
    })
    expect(checkAnswers(sections, { r: 1, s: '甲', m: ['乙'], t: '快一点' }).ok).toBe(true)
  })

  it('names the first item at fault', () => {
    const message = (answers: Record<string, unknown>) => {
      const result = checkAnswers(sections, answers)
      return result.ok ? null : [result.error.code, result.error.message]
    }
    expect(message({ s: '甲', m: ['甲'] })).toEqual(['VALIDATION_FAILED', '请为「政策落实」第1题选择评价等级'])
    expect(message({ r: 6, s: '甲', m: ['甲'] })).toEqual(['VALIDATION_FAILED', '「政策落实」第1题的评价等级应为1–5'])
    expect(message({ r: 3, s: '丁', m: ['甲'] })).toEqual(['VALIDATION_FAILED', '「政策落实」第2题的选项不在问卷之中，请刷新后重新选择'])
    expect(message({ r: 3, s: ['甲'], m: ['甲'] })).toEqual(['VALIDATION_FAILED', '「政策落实」第2题的答案格式不正确'])
    expect(message({ r: 3, s: '甲', m: [] })).toEqual(['VALIDATION_FAILED', '请回答「政策落实」第3题'])
    expect(message({ r: 3, s: '甲', m: ['甲', '甲'] })).toEqual(['VALIDATION_FAILED', '「政策落实」第3题的选项不在问卷之中，请刷新后重新选择'])
    expect(message({ r: 3, s: '甲', m: ['甲'], t: 5 })).toEqual(['VALIDATION_FAILED', '「政策落实」第4题应填写文字'])
    expect(message({ r: 3, s: '甲', m: ['甲'], x: 1 })).toEqual(['VALIDATION_FAILED', '答案中有问卷没有的题目，请刷新后重新填写'])
  })
})
