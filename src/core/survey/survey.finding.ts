import { fail, ok, type Result } from '../errors'
import type { ProblemCategory } from '../problem/problem.labels'
import { PROBLEM_LIMITS } from '../problem/problem.limits'
import type { Finding, SurveyResults } from './survey.results'

/**
 * A finding (问题项) as the problem it becomes in the ledger (分门别类落实到单位): the category its aspect names when the
 * ledger has one (融资, 用工, 政策落实, 人才), 其他 otherwise; a title that says where it comes from; a description with
 * the figures, so the department knows what it is judged on.
 */
const CATEGORY_BY_ASPECT: ReadonlyArray<[string, ProblemCategory]> = [
  ['融资', 'financing'],
  ['用工', 'labour'],
  ['人才', 'talent'],
  ['政策', 'policy'],
  ['土地', 'land'],
  ['审批', 'approval'],
]

export function findingCategory(aspect: string): ProblemCategory {
  return CATEGORY_BY_ASPECT.find(([word]) => aspect.includes(word))?.[1] ?? 'other'
}

export interface FindingProblemDraft {
  category: ProblemCategory
  title: string
  description: string
}

const cut = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value)

/** The finding of an item, or why the item cannot become a problem (not a rating item, or not low enough). */
export function findingOf(results: SurveyResults, itemId: string): Result<Finding> {
  const item = results.items.find((i) => i.itemId === itemId)
  if (!item) return fail('NOT_FOUND', '问卷中没有这道题')
  const finding = results.findings.find((f) => f.itemId === itemId)
  if (!finding) return fail('VALIDATION_FAILED', item.kind === 'rating' ? `该题平均分高于问题线（${results.threshold}分），不是问题项` : '只有五级评价题可以转为诉求')
  return ok(finding)
}

export function findingProblemDraft(surveyTitle: string, finding: Finding, threshold: number): FindingProblemDraft {
  return {
    category: findingCategory(finding.sectionTitle),
    title: cut(`企业评判问题项：${finding.text}`, PROBLEM_LIMITS.title.max),
    description: cut(
      `${surveyTitle}「${finding.sectionTitle}」方面“${finding.text}”一项，${finding.count}家企业评价，平均${finding.average}分，不高于问题线${threshold}分。请责任部门分析原因、提出整改措施并答复。`,
      PROBLEM_LIMITS.description.max,
    ),
  }
}
