import { ratingStats } from '../survey/survey.results'
import { periodDays, surveyScoreOf } from './report.survey-score'

describe('survey score of a department', () => {
  it('takes the ratings of every survey together', () => {
    expect(surveyScoreOf([ratingStats([5, 4]), ratingStats([2])])).toEqual({ surveys: 2, ratings: 3, average: 3.67 })
    expect(surveyScoreOf([ratingStats([])])).toEqual({ surveys: 1, ratings: 0, average: null })
  })

  it('spans a month or a year in Shanghai dates', () => {
    expect(periodDays({ month: '2026-02' })).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(periodDays({ month: '2028-02' })).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(periodDays({ year: 2026 })).toEqual({ from: '2026-01-01', to: '2026-12-31' })
  })
})
