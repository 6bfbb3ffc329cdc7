/**
 * 企业评判部门 vocabulary: survey statuses, item kinds, industries and their labels. Apart from the schemas so the
 * pages can show a survey without loading zod.
 */

/** draft → open (published) → closed (by an administrator, or by itself after its closing date). */
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const
export type SurveyStatus = (typeof SURVEY_STATUSES)[number]

export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = { draft: '草稿', open: '进行中', closed: '已结束' }

/** A 5-level rating with the product's labels (RATING_LEVEL_LABELS), single or multiple choice, free text. */
export const SURVEY_ITEM_KINDS = ['rating', 'single', 'multiple', 'text'] as const
export type SurveyItemKind = (typeof SURVEY_ITEM_KINDS)[number]

export const SURVEY_ITEM_KIND_LABELS: Record<SurveyItemKind, string> = { rating: '五级评价', single: '单选', multiple: '多选', text: '文字意见' }

/** Audiences narrow by the industries of 政策直通车's holder profiles: one list for both areas. */
export { POLICY_INDUSTRIES as SURVEY_INDUSTRIES, POLICY_INDUSTRY_LABELS as SURVEY_INDUSTRY_LABELS, type PolicyIndustry as SurveyIndustry } from '../policy/policy.labels'

/** Items averaging at or below this level are findings (基本满意 or worse), unless the survey sets another. */
export const DEFAULT_FINDING_THRESHOLD = 3
