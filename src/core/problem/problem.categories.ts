import * as z from 'zod'
import '../common/zod'
import { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, type ProblemCategory } from './problem.labels'

export { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, type ProblemCategory } from './problem.labels'

/**
 * Working-day limits of a department's round of work on a problem, counted from the assignment (see
 * `problem.deadlines.ts`): sign for (签收) within `signDays`, resolve (办结) within `resolveDays[category]`.
 * A plain object so the backend can load it from configuration and pass it in.
 */
export interface DeadlinePolicy {
  signDays: number
  resolveDays: Record<ProblemCategory, number>
}

export const DEFAULT_SIGN_DAYS = 1
export const DEFAULT_RESOLVE_DAYS = 10

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = Object.freeze({
  signDays: DEFAULT_SIGN_DAYS,
  resolveDays: Object.freeze(
    Object.fromEntries(PROBLEM_CATEGORIES.map((category) => [category, DEFAULT_RESOLVE_DAYS])) as Record<ProblemCategory, number>,
  ),
})

/**
 * The default policy with some categories changed, e.g. `deadlinePolicy({ land: 20 })` when land matters need a
 * survey. The sign-for limit may be changed too.
 */
export function deadlinePolicy(
  resolveOverrides: Partial<Record<ProblemCategory, number>>,
  signDays: number = DEFAULT_SIGN_DAYS,
  base: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): DeadlinePolicy {
  return deadlinePolicySchema.parse({ signDays, resolveDays: { ...base.resolveDays, ...resolveOverrides } })
}

const workingDays = z.int().min(1).max(60)

/**
 * Validates a policy read from configuration: whole working days 1–60, sign-for no longer than any resolution limit
 * (a department cannot be late to sign for something it must already have resolved).
 */
export const deadlinePolicySchema = z
  .strictObject({
    signDays: workingDays,
    resolveDays: z.strictObject(
      Object.fromEntries(PROBLEM_CATEGORIES.map((category) => [category, workingDays])) as Record<ProblemCategory, typeof workingDays>,
    ),
  })
  .superRefine((policy, ctx) => {
    for (const category of PROBLEM_CATEGORIES) {
      if (policy.resolveDays[category] < policy.signDays) {
        ctx.addIssue({
          code: 'custom',
          path: ['resolveDays', category],
          message: `「${PROBLEM_CATEGORY_LABELS[category]}」的办结时限不能短于签收时限`,
        })
      }
    }
  })
