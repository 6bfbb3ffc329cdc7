/**
 * The seed's 营商环境调查 (企业评判部门机制: 40 enterprises rated departments on 8 aspects and 39 items) as a template an
 * administrator starts from: the same 8 aspects, rating items on what each aspect is about, a question on channels,
 * and free text for what the levels cannot say. Rating items name no department: the district maps them when it
 * builds its survey (its departments are its own). Zod-free, so the builder page loads it as it is.
 */

interface TemplateItem {
  id: string
  kind: 'rating' | 'single' | 'multiple' | 'text'
  text: string
  options?: string[]
}

interface TemplateSection {
  id: string
  title: string
  items: TemplateItem[]
}

const rating = (id: string, text: string): TemplateItem => ({ id, kind: 'rating', text })

export const BUSINESS_ENVIRONMENT_TEMPLATE: { title: string; description: string; sections: TemplateSection[] } = {
  title: '营商环境企业评价调查',
  description: '请贵单位对各部门的服务和政策落实情况作出评价。问卷匿名汇总，各部门只看到统计结果和意见内容，看不到填写单位。',
  sections: [
    {
      id: 'a1',
      title: '政策落实',
      items: [
        rating('a1-1', '惠企政策宣传解读及时、清楚'),
        rating('a1-2', '政策兑现流程简便、兑现及时'),
        rating('a1-3', '涉企政策制定前征求企业意见'),
        rating('a1-4', '政策保持连续稳定，新旧衔接顺畅'),
        { id: 'a1-5', kind: 'multiple', text: '贵单位主要从哪些渠道了解惠企政策', options: ['政策直通车', '部门走访', '流动服务站', '微信公众号', '行业协会', '其他'] },
      ],
    },
    {
      id: 'a2',
      title: '项目落地',
      items: [
        rating('a2-1', '项目立项、规划、用地审批效率'),
        rating('a2-2', '项目建设中遇到的问题协调解决及时'),
        rating('a2-3', '重点项目专班、帮办代办服务到位'),
        rating('a2-4', '项目竣工验收、投产达效手续便捷'),
      ],
    },
    {
      id: 'a3',
      title: '企业运营',
      items: [
        rating('a3-1', '涉企检查规范，不随意打扰企业正常经营'),
        rating('a3-2', '水、电、气、暖等公用服务保障稳定'),
        rating('a3-3', '知识产权和合法权益得到有效保护'),
        rating('a3-4', '市场准入公平，无隐性壁垒'),
        rating('a3-5', '涉企收费规范透明'),
      ],
    },
    {
      id: 'a4',
      title: '窗口服务',
      items: [
        rating('a4-1', '办事指南清楚，一次告知到位'),
        rating('a4-2', '窗口人员服务态度热情、耐心'),
        rating('a4-3', '“一次办好”“网上办”“掌上办”便捷'),
        rating('a4-4', '流动服务站、上门服务满足需要'),
        rating('a4-5', '诉求受理后答复及时、办理有结果'),
      ],
    },
    {
      id: 'a5',
      title: '要素保障',
      items: [
        rating('a5-1', '土地、厂房等空间要素供给'),
        rating('a5-2', '能耗、环境容量等指标保障'),
        rating('a5-3', '科技创新、成果转化支持'),
        rating('a5-4', '物流、配套等产业链服务'),
      ],
    },
    {
      id: 'a6',
      title: '融资',
      items: [
        rating('a6-1', '银行贷款可获得性'),
        rating('a6-2', '融资成本和担保条件'),
        rating('a6-3', '政银企对接活动实效'),
        rating('a6-4', '转贷、应急周转等金融服务'),
      ],
    },
    {
      id: 'a7',
      title: '用工',
      items: [
        rating('a7-1', '招工引才服务和招聘渠道'),
        rating('a7-2', '人才政策（住房、子女入学等）落实'),
        rating('a7-3', '职业技能培训服务'),
        rating('a7-4', '劳动用工政策指导和纠纷调处'),
        { id: 'a7-5', kind: 'single', text: '贵单位目前用工状况', options: ['基本满足', '部分岗位缺口', '缺口较大'] },
      ],
    },
    {
      id: 'a8',
      title: '干部作风',
      items: [
        rating('a8-1', '部门干部主动服务、靠前服务'),
        rating('a8-2', '办事公道，不推诿扯皮'),
        rating('a8-3', '廉洁自律，无吃拿卡要'),
        rating('a8-4', '对企业诉求“马上就办、办就办好”'),
        { id: 'a8-5', kind: 'text', text: '对优化营商环境、改进部门作风的意见和建议' },
      ],
    },
  ],
}
