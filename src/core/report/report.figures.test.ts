import { emptyCounts, FIGURE_COUNT_KEYS, FIGURE_LABELS, figuresFrom, formatRate, onTime, rate, sumFigures, type FigureCounts } from './report.figures'

const counts = (over: Partial<FigureCounts>): FigureCounts => ({ ...emptyCounts(), ...over })

describe('rate', () => {
  it('divides, and is null (not 0, not 100%) when nothing was counted', () => {
    expect(rate(3, 4)).toBe(0.75)
    expect(rate(0, 5)).toBe(0)
    expect(rate(5, 5)).toBe(1)
    expect(rate(0, 0)).toBeNull()
  })

  it('throws on counts that cannot be (a bug of the query)', () => {
    for (const [n, d] of [[5, 4], [-1, 4], [1, -1], [1.5, 3], [1, Number.NaN]]) expect(() => rate(n, d)).toThrow(RangeError)
  })

  it('formats as a percentage with one decimal, or —', () => {
    expect(formatRate(rate(2, 3))).toBe('66.7%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(0)).toBe('0.0%')
    expect(formatRate(null)).toBe('—')
  })
})

describe('monthly figures', () => {
  it('derive the three rates from their numerators and denominators', () => {
    const figures = figuresFrom(counts({ received: 12, resolved: 10, resolvedOnTime: 9, signed: 8, signedOnTime: 8, ratings: 4, satisfied: 3, badRatings: 1 }))
    expect(figures.onTimeResolutionRate).toBe(0.9)
    expect(figures.timelySignRate).toBe(1)
    expect(figures.satisfactionRate).toBe(0.75)
    expect(figures.received).toBe(12)
  })

  it('of a quiet month have counts of zero and no rates', () => {
    expect(figuresFrom(emptyCounts())).toEqual({ ...emptyCounts(), onTimeResolutionRate: null, timelySignRate: null, satisfactionRate: null })
  })

  it('ignore stale rates passed in with the counts', () => {
    const stale = { ...counts({ resolved: 2, resolvedOnTime: 1 }), onTimeResolutionRate: 1 } as FigureCounts
    expect(figuresFrom(stale).onTimeResolutionRate).toBe(0.5)
  })

  it('sum to a district total whose rates are recomputed, not averaged', () => {
    const small = figuresFrom(counts({ received: 2, resolved: 2, resolvedOnTime: 0, ratings: 1, satisfied: 1, badRectified: 1 }))
    const large = figuresFrom(counts({ received: 200, resolved: 198, resolvedOnTime: 198, ratings: 99, satisfied: 89, badRatings: 3 }))
    const total = sumFigures([small, large])
    expect(total.received).toBe(202)
    expect(total.onTimeResolutionRate).toBe(198 / 200)
    expect(total.satisfactionRate).toBe(90 / 100)
    expect(total.timelySignRate).toBeNull()
    expect(total.badRatings).toBe(3)
    expect(total.badRectified).toBe(1)
    expect(sumFigures([])).toEqual(figuresFrom(emptyCounts()))
  })

  it('have a Chinese heading for every column', () => {
    const keys = [...FIGURE_COUNT_KEYS, 'onTimeResolutionRate', 'timelySignRate', 'satisfactionRate']
    expect(Object.keys(FIGURE_LABELS).sort()).toEqual([...keys].sort())
    for (const label of Object.values(FIGURE_LABELS)) expect(label).toMatch(/^[\u4e00-\u9fa5]+$/)
    expect(FIGURE_LABELS.onTimeResolutionRate).toBe('按时办结率')
    expect(FIGURE_LABELS.timelySignRate).toBe('及时签收率')
  })
})

describe('on time', () => {
  it('counts the deadline instant itself as on time', () => {
    const deadline = '2026-10-14T15:59:59.999Z'
    expect(onTime('2026-10-14T15:59:59.999Z', deadline)).toBe(true)
    expect(onTime('2026-10-14T23:59:59.999+08:00', deadline)).toBe(true)
    expect(onTime('2026-10-14T16:00:00Z', deadline)).toBe(false)
  })
})
