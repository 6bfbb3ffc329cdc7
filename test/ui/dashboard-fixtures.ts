import { figuresFrom, emptyCounts, type FigureCounts, type MonthlyFigures } from '@/core/report/report.figures'
import type { DashboardView } from '@/core/report/report.schema'

export function figures(counts: Partial<FigureCounts>): MonthlyFigures {
  return figuresFrom({ ...emptyCounts(), ...counts })
}

export const ZRZY = 'dddddddd-0000-4000-8000-00000000000a'
export const CZJ = 'dddddddd-0000-4000-8000-00000000000b'
export const RSJ = 'dddddddd-0000-4000-8000-00000000000c'

export function dashboardView(over: Partial<DashboardView> = {}): DashboardView {
  return {
    today: figures({ received: 2, answeredOnSpot: 1 }),
    period: figures({ received: 40, answeredOnSpot: 12, resolved: 20, resolvedOnTime: 19, signed: 25, signedOnTime: 24, overdue: 3, escalated: 1, ratings: 16, satisfied: 15, badRatings: 1 }),
    trend: [
      { weekStart: '2026-11-02', received: 9, resolved: 5 },
      { weekStart: '2026-10-26', received: 7, resolved: 6 },
    ],
    byCategory: [
      { category: 'land', label: '土地', count: 9 },
      { category: 'financing', label: '融资', count: 0 },
      { category: 'policy', label: '政策', count: 14 },
    ],
    departmentRanking: [
      { departmentId: CZJ, name: '区财政局', onTimeResolutionRate: 0.8, satisfactionRate: 1, received: 6, overdue: 1 },
      { departmentId: ZRZY, name: '区自然资源局', onTimeResolutionRate: 1, satisfactionRate: 0.9, received: 12, overdue: 0 },
      { departmentId: RSJ, name: '区人力资源和社会保障局', onTimeResolutionRate: null, satisfactionRate: null, received: 2, overdue: 2 },
    ],
    ...over,
  }
}
