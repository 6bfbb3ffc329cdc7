import {
  APPEAL_STATUS_LABELS,
  APPEAL_STATUSES,
  isBadRating,
  isRatingLevel,
  isSatisfied,
  lowestLevel,
  RATING_DIMENSION_LABELS,
  RATING_DIMENSIONS,
  RATING_KIND_LABELS,
  RATING_KINDS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  RATING_TARGET_TYPE_LABELS,
  RATING_TARGET_TYPES,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
} from './rating.levels'

const rate = (attitude: number, quality: number, effectiveness: number) => ({ attitude, quality, effectiveness })

describe('rating levels and labels', () => {
  it('name the five national levels and the three dimensions', () => {
    expect(RATING_LEVELS.map((level) => `${level}${RATING_LEVEL_LABELS[level]}`)).toEqual([
      '5非常满意',
      '4满意',
      '3基本满意',
      '2不满意',
      '1非常不满意',
    ])
    expect(RATING_DIMENSIONS.map((d) => RATING_DIMENSION_LABELS[d])).toEqual(['服务态度', '办理质量', '办理效果'])
  })

  it('label every kind, target type and status in Chinese', () => {
    const labels = [
      ...RATING_KINDS.map((k) => RATING_KIND_LABELS[k]),
      ...RATING_TARGET_TYPES.map((t) => RATING_TARGET_TYPE_LABELS[t]),
      ...RECTIFICATION_STATUSES.map((s) => RECTIFICATION_STATUS_LABELS[s]),
      ...APPEAL_STATUSES.map((s) => APPEAL_STATUS_LABELS[s]),
    ]
    for (const label of labels) expect(label).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('know a level when they see one', () => {
    expect([1, 2, 3, 4, 5].every(isRatingLevel)).toBe(true)
    expect([0, 6, 4.5, '4', null, undefined, NaN].some(isRatingLevel)).toBe(false)
  })
})

describe('bad and satisfied', () => {
  it.each([
    // lowest dimension: 1 and 2 are bad, 3 is neither, 4 and 5 are satisfied
    [rate(1, 1, 1), 1, true, false],
    [rate(2, 5, 5), 2, true, false],
    [rate(5, 2, 5), 2, true, false],
    [rate(5, 5, 2), 2, true, false],
    [rate(3, 5, 5), 3, false, false],
    [rate(3, 3, 3), 3, false, false],
    [rate(4, 4, 4), 4, false, true],
    [rate(4, 5, 5), 4, false, true],
    [rate(5, 5, 5), 5, false, true],
  ])('%o: lowest %i, bad %s, satisfied %s', (scores, lowest, bad, satisfied) => {
    expect(lowestLevel(scores)).toBe(lowest)
    expect(isBadRating(scores)).toBe(bad)
    expect(isSatisfied(scores)).toBe(satisfied)
  })

  it('judge the lowest dimension, not the average: 5/5/1 averages 3.7 but is a complaint', () => {
    expect(isBadRating(rate(5, 5, 1))).toBe(true)
    expect(isSatisfied(rate(5, 5, 3))).toBe(false)
  })

  it('never call a rating both bad and satisfied', () => {
    for (const a of [1, 2, 3, 4, 5]) {
      for (const q of [1, 2, 3, 4, 5]) {
        for (const e of [1, 2, 3, 4, 5]) expect(isBadRating(rate(a, q, e)) && isSatisfied(rate(a, q, e))).toBe(false)
      }
    }
  })
})
