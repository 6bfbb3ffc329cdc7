import { isMonth, ratingMonth } from './rating.month'
import { rectificationDeadlines } from './rating.rectification'
import { countsInScores, groupScores, scoreRatings, scoresByDepartment, scoresByStaff, type ScoredRating } from './rating.scores'

const { rectifyBy } = rectificationDeadlines('2026-09-30T10:00:00+08:00') // end of 2026-10-27, Beijing

const row = (levels: [number, number, number], change: Partial<ScoredRating> = {}): ScoredRating => ({
  kind: 'initial',
  appealStatus: 'none',
  attitude: levels[0],
  quality: levels[1],
  effectiveness: levels[2],
  departmentId: 'dept-a',
  staffId: 'staff-1',
  rectification: null,
  ...change,
})
const rectified = (rectifiedAt: string) => ({ status: 'rectified' as const, rectifyBy, rectifiedAt })

describe('what counts', () => {
  it('is an initial rating not removed on appeal', () => {
    expect(countsInScores({ kind: 'initial', appealStatus: 'none' })).toBe(true)
    expect(countsInScores({ kind: 'initial', appealStatus: 'pending' })).toBe(true)
    expect(countsInScores({ kind: 'initial', appealStatus: 'upheld' })).toBe(true)
    expect(countsInScores({ kind: 'initial', appealStatus: 'removed' })).toBe(false)
    expect(countsInScores({ kind: 'followUp', appealStatus: 'none' })).toBe(false)
  })
})

describe('scoreRatings', () => {
  it('is empty with nulls, not zeros, when nothing counts', () => {
    const empty = {
      count: 0,
      attitude: null,
      quality: null,
      effectiveness: null,
      satisfiedCount: 0,
      satisfactionRate: null,
      badCount: 0,
      rectifiedCount: 0,
      rectifiedOnTime: 0,
    }
    expect(scoreRatings([])).toEqual(empty)
    expect(scoreRatings([row([5, 5, 5], { kind: 'followUp' }), row([1, 1, 1], { appealStatus: 'removed' })])).toEqual(empty)
  })

  it('averages each dimension to one decimal and rates satisfaction on the lowest dimension', () => {
    const rows = [
      row([5, 5, 5]), // satisfied
      row([4, 4, 4]), // satisfied
      row([5, 5, 3]), // neither: 基本满意 on one dimension
      row([2, 4, 5], { rectification: rectified('2026-10-20T10:00:00+08:00') }), // bad, rectified on time
      row([5, 1, 4], { rectification: rectified('2026-10-28T09:00:00+08:00') }), // bad, rectified late
      row([1, 2, 2], { rectification: { status: 'visited', rectifyBy, rectifiedAt: null } }), // bad, not rectified
    ]
    expect(scoreRatings(rows)).toEqual({
      count: 6,
      attitude: 3.7, // 22 / 6 = 3.666…
      quality: 3.5, // 21 / 6
      effectiveness: 3.8, // 23 / 6 = 3.833…
      satisfiedCount: 2,
      satisfactionRate: 2 / 6,
      badCount: 3,
      rectifiedCount: 2,
      rectifiedOnTime: 1,
    })
  })

  it('rounds from the integer sums: 83/20 = 4.15 gives 4.2', () => {
    const rows = [...Array.from({ length: 17 }, () => row([4, 4, 4])), row([5, 5, 5]), row([5, 5, 5]), row([5, 5, 5])]
    expect(scoreRatings(rows).attitude).toBe(4.2)
  })

  it('counts the last instant of the deadline as on time', () => {
    const onTheDot = scoreRatings([row([2, 2, 2], { rectification: { status: 'rectified', rectifyBy, rectifiedAt: rectifyBy } })])
    expect(onTheDot).toMatchObject({ badCount: 1, rectifiedCount: 1, rectifiedOnTime: 1 })
  })

  it('leaves out removed ratings and follow-ups entirely, but keeps upheld and pending appeals', () => {
    const base = [row([5, 5, 5]), row([1, 3, 3], { appealStatus: 'upheld' }), row([2, 2, 2], { appealStatus: 'pending' })]
    const noise = [
      row([1, 1, 1], { appealStatus: 'removed', rectification: { status: 'withdrawn', rectifyBy, rectifiedAt: null } }),
      row([2, 4, 4], { appealStatus: 'removed', rectification: rectified('2026-10-10T10:00:00+08:00') }),
      row([5, 5, 5], { kind: 'followUp' }),
      row([1, 1, 1], { kind: 'followUp' }),
    ]
    expect(scoreRatings([...base, ...noise])).toEqual(scoreRatings(base))
    expect(scoreRatings(base)).toMatchObject({ count: 3, badCount: 2, satisfiedCount: 1, attitude: 2.7 })
  })
})

describe('grouping', () => {
  const rows = [
    row([5, 5, 5], { departmentId: 'dept-a', staffId: 'staff-1' }),
    row([2, 4, 4], { departmentId: 'dept-b', staffId: 'staff-2' }),
    row([4, 4, 4], { departmentId: 'dept-a', staffId: 'staff-3' }),
    row([3, 3, 3], { departmentId: 'dept-a', staffId: null }),
    row([1, 1, 1], { departmentId: null, staffId: null }),
    row([1, 1, 1], { departmentId: 'dept-b', staffId: 'staff-2', appealStatus: 'removed' }),
  ]

  it('groups by department, in order of first appearance, leaving out rows without one', () => {
    const byDepartment = scoresByDepartment(rows)
    expect(byDepartment.map((d) => [d.departmentId, d.count, d.satisfiedCount, d.badCount])).toEqual([
      ['dept-a', 3, 2, 0],
      ['dept-b', 1, 0, 1],
    ])
    expect(byDepartment[0]).toMatchObject({ attitude: 4, satisfactionRate: 2 / 3 })
  })

  it('groups by staff member', () => {
    expect(scoresByStaff(rows).map((s) => [s.staffId, s.count, s.attitude])).toEqual([
      ['staff-1', 1, 5],
      ['staff-2', 1, 2],
      ['staff-3', 1, 4],
    ])
  })

  it('keeps a group whose ratings were all removed, with count 0', () => {
    const groups = groupScores([row([1, 1, 1], { appealStatus: 'removed' })], (r) => r.departmentId)
    expect(groups.get('dept-a')).toMatchObject({ count: 0, attitude: null, satisfactionRate: null })
  })
})

describe('months', () => {
  it('are the Beijing calendar month of the submission', () => {
    expect(ratingMonth('2026-09-30T15:59:59Z')).toBe('2026-09')
    expect(ratingMonth('2026-09-30T16:00:00Z')).toBe('2026-10') // 00:00 on 1 October in Beijing
    expect(ratingMonth(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01')
  })

  it.each([
    ['2026-01', true],
    ['2026-12', true],
    ['2026-00', false],
    ['2026-13', false],
    ['2026-1', false],
    ['26-01', false],
    ['2026/01', false],
    ['2026-01-01', false],
  ])('%s is a month: %s', (value, valid) => {
    expect(isMonth(value)).toBe(valid)
  })
})
