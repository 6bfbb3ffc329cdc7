import { HOLDER_TYPE_LABELS, HOLDER_TYPES, type HolderType } from '../card/qualification'

/**
 * 政策直通车's names and labels, in a file that loads nothing heavy (no zod): the pages show them, and the schemas and
 * matching rules build on them. Keys are stable ASCII (stored and filtered on); labels are what people read, in the
 * order of the pickers.
 */

/** What a publication is: 惠企政策, 政策解读 (政策文件及解读), 办事指南, 产业动态 (industry news). */
export const POLICY_KINDS = ['benefit', 'interpretation', 'guide', 'industryNews'] as const
export type PolicyKind = (typeof POLICY_KINDS)[number]
export const POLICY_KIND_LABELS: Record<PolicyKind, string> = {
  benefit: '惠企政策',
  interpretation: '政策解读',
  guide: '办事指南',
  industryNews: '产业动态',
}

/** The district's industries (环翠区: 电子信息, 装备制造, 生物医药, 军民融合, 钓具, 养老, 旅游), plus 其他. */
export const POLICY_INDUSTRIES = ['electronics', 'equipment', 'biomedicine', 'civilMilitary', 'fishingGear', 'eldercare', 'tourism', 'other'] as const
export type PolicyIndustry = (typeof POLICY_INDUSTRIES)[number]
export const POLICY_INDUSTRY_LABELS: Record<PolicyIndustry, string> = {
  electronics: '电子信息',
  equipment: '装备制造',
  biomedicine: '生物医药',
  civilMilitary: '军民融合',
  fishingGear: '钓具',
  eldercare: '养老',
  tourism: '旅游',
  other: '其他',
}

export const POLICY_TOPICS = ['innovation', 'financing', 'talent', 'labour', 'land', 'approval', 'trade', 'other'] as const
export type PolicyTopic = (typeof POLICY_TOPICS)[number]
export const POLICY_TOPIC_LABELS: Record<PolicyTopic, string> = {
  innovation: '科技创新',
  financing: '融资',
  talent: '人才',
  labour: '用工',
  land: '土地',
  approval: '审批',
  trade: '外贸',
  other: '其他',
}

export const POLICY_CARD_TYPES = HOLDER_TYPES
export type PolicyCardType = HolderType

/**
 * A tag to filter by names its dimension, since keys repeat across them ('talent' is a topic and a card type, 'other'
 * an industry and a topic): `industry:electronics`, `topic:financing`, `cardType:talent`.
 */
export type PolicyTag = `industry:${PolicyIndustry}` | `topic:${PolicyTopic}` | `cardType:${PolicyCardType}`

export const POLICY_TAGS: readonly PolicyTag[] = [
  ...POLICY_INDUSTRIES.map((key) => `industry:${key}` as const),
  ...POLICY_TOPICS.map((key) => `topic:${key}` as const),
  ...POLICY_CARD_TYPES.map((key) => `cardType:${key}` as const),
]

/** How a tag reads: 电子信息, 融资, 人才卡. */
export function policyTagLabel(tag: PolicyTag): string {
  const [dimension, key] = tag.split(':') as [string, string]
  if (dimension === 'industry') return POLICY_INDUSTRY_LABELS[key as PolicyIndustry]
  if (dimension === 'topic') return POLICY_TOPIC_LABELS[key as PolicyTopic]
  return HOLDER_TYPE_LABELS[key as PolicyCardType]
}

export const POLICY_STATUSES = ['draft', 'published', 'withdrawn'] as const
export type PolicyStatus = (typeof POLICY_STATUSES)[number]
export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
}
