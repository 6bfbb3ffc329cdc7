import { addDays, shanghaiDate } from '../../src/core/calendar/shanghai-time'
import type { PolicyIndustry, PolicyKind, PolicyTopic } from '../../src/core/policy/policy.labels'
import { policySearchText } from '../../src/core/policy/policy.search'
import { sanitizeRichText } from '../../src/core/policy/rich-text'
import { policies, policyProfiles } from './schema'
import type { Tx } from './store'

interface DemoPolicy {
  kind: PolicyKind
  title: string
  issuer: string
  department?: string
  docNumber?: string
  summary: string
  body: string
  industries: PolicyIndustry[]
  topics: PolicyTopic[]
  /** Days before the demo's start it was published; null: a draft. */
  publishedDaysAgo: number | null
  applyInDays?: number
}

/** 政策直通车 of the demo district: the four kinds of the 环翠创业汇 article, and a draft for administrators to publish. */
const DEMO_POLICIES: DemoPolicy[] = [
  {
    kind: 'benefit',
    title: '环翠区支持电子信息产业高质量发展若干措施',
    issuer: '环翠区人民政府',
    docNumber: '威环政发〔2026〕8号',
    summary: '对电子信息企业研发投入、首台套产品和融资贴息给予奖补，单个企业年度最高200万元。',
    body: '<h3>一、研发投入补助</h3><p>企业年度研发费用增长部分按10%给予补助。</p><h3>二、融资贴息</h3><p>对技改和研发项目贷款按实际利息的50%贴息，期限不超过2年。</p><h3>三、申报方式</h3><p>在政策直通车查看本政策后点击“咨询这项政策”，或携材料到流动政务服务站办理。</p>',
    industries: ['electronics'],
    topics: ['innovation', 'financing'],
    publishedDaysAgo: 3,
    applyInDays: 20,
  },
  {
    kind: 'interpretation',
    title: '《关于进一步做好稳就业工作的通知》政策解读',
    issuer: '区人力资源和社会保障局',
    department: 'RSJ',
    summary: '一次性扩岗补助、社保补贴和以工代训补贴的对象、标准和申领流程。',
    body: '一、一次性扩岗补助：企业招用毕业年度高校毕业生并缴纳社保满3个月的，按每人1500元发放。\n二、社保补贴：招用就业困难人员的，按实际缴费给予补贴。\n三、申领流程：登录人社服务平台提交，或到流动政务服务站代为申请。',
    industries: [],
    topics: ['labour', 'talent'],
    publishedDaysAgo: 6,
  },
  {
    kind: 'guide',
    title: '企业投资项目备案办事指南',
    issuer: '区行政审批服务局',
    department: 'XZSP',
    summary: '备案条件、所需材料、办理流程和时限（即来即办）。',
    body: '<p>适用范围：不使用政府投资建设的项目。</p><ol><li>登录投资项目在线审批监管平台填报；</li><li>提交项目单位营业执照和项目基本情况；</li><li>即来即办，当场出具备案证明。</li></ol>',
    industries: [],
    topics: ['approval'],
    publishedDaysAgo: 10,
  },
  {
    kind: 'industryNews',
    title: '钓具产业集群前三季度出口同比增长12%',
    issuer: '区发展和改革局',
    department: 'FGJ',
    summary: '全区钓具企业出口保持增长，跨境电商渠道占比提升。',
    body: '前三季度全区钓具产业集群实现出口额同比增长12%，其中跨境电商渠道占比提升至三成。区里将继续组织企业参加境外展会。',
    industries: ['fishingGear'],
    topics: ['trade'],
    publishedDaysAgo: 1,
  },
  {
    kind: 'benefit',
    title: '乡村旅游精品民宿奖补办法',
    issuer: '环翠区人民政府',
    summary: '对评定为精品民宿的经营主体给予一次性奖补（草稿，管理员可发布演示推送）。',
    body: '评定为省级精品民宿的，一次性奖补10万元；市级的，5万元。',
    industries: ['tourism'],
    topics: [],
    publishedDaysAgo: null,
  },
]

/**
 * The demo's policies and enterprise profiles: holder-demo (电子信息; 科技创新, 融资) finds the first policy at the top
 * of 为我推荐; holder-other (旅游) is told when an administrator publishes the draft. Published ones are seeded without
 * notifications (they came before the demo began).
 */
export async function seedPolicies(
  tx: Tx,
  deps: { newId: () => string; now: Date; adminId: string; departmentIds: Map<string, string>; userIds: Map<string, string>; holderOfUser: Map<string, string> },
) {
  const { newId, now } = deps
  await tx.insert(policies).values(
    DEMO_POLICIES.map((p) => {
      const body = sanitizeRichText(p.body)
      const published = p.publishedDaysAgo === null ? null : new Date(now.getTime() - p.publishedDaysAgo * 86_400_000)
      return {
        id: newId(),
        kind: p.kind,
        title: p.title,
        issuer: p.issuer,
        departmentId: p.department ? deps.departmentIds.get(p.department)! : null,
        docNumber: p.docNumber ?? null,
        issuedOn: published ? shanghaiDate(published) : null,
        applyBy: p.applyInDays ? addDays(shanghaiDate(now), p.applyInDays) : null,
        summary: p.summary,
        body,
        searchText: policySearchText({ ...p, body }),
        industries: p.industries,
        topics: p.topics,
        status: published ? ('published' as const) : ('draft' as const),
        listedAt: published ?? now,
        publishedAt: published,
        createdBy: deps.adminId,
        createdAt: published ?? now,
        updatedAt: published ?? now,
      }
    }),
  )
  const profiles: Array<[user: string, industries: PolicyIndustry[], topics: PolicyTopic[]]> = [
    ['holder-demo', ['electronics'], ['innovation', 'financing']],
    ['holder-other', ['tourism'], []],
  ]
  await tx.insert(policyProfiles).values(
    profiles.map(([user, industries, topics]) => ({ holderId: deps.holderOfUser.get(user)!, industries, topics, updatedBy: deps.userIds.get(user)!, updatedAt: now })),
  )
}
