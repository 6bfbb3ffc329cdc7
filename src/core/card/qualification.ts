export const HOLDER_TYPES = ['enterprise', 'project', 'talent'] as const
export type HolderType = (typeof HOLDER_TYPES)[number]

export const HOLDER_TYPE_LABELS: Record<HolderType, string> = {
  enterprise: '企业卡',
  project: '项目卡',
  talent: '人才卡',
}

/** Who qualifies for which card (三联三服 使用管理办法): the basis is recorded when the card is issued. */
export const QUALIFICATION_BASES = {
  enterprise: {
    tax_over_10m: '上年度在本区纳税超过1000万元',
    high_tech: '高新技术企业',
    major_contribution: '为本区发展作出较大贡献',
  },
  project: {
    key_project_industry: '区级以上重点产业项目',
    key_project_urban: '区级以上重点城建项目',
    key_project_livelihood: '区级以上重点民生项目',
    key_project_other: '区级以上其他重点项目',
  },
  talent: {
    certified_talent: '经认定的高层次人才',
  },
} as const satisfies Record<HolderType, Record<string, string>>

export type QualificationBasis = {
  [T in HolderType]: keyof (typeof QUALIFICATION_BASES)[T]
}[HolderType]

export const ALL_QUALIFICATION_BASES = Object.values(QUALIFICATION_BASES).flatMap((bases) => Object.keys(bases)) as [
  QualificationBasis,
  ...QualificationBasis[],
]

export function basisFits(type: HolderType, basis: string): boolean {
  return basis in QUALIFICATION_BASES[type]
}

export function basisLabel(basis: string): string {
  for (const bases of Object.values(QUALIFICATION_BASES)) {
    if (basis in bases) return (bases as Record<string, string>)[basis]
  }
  return basis
}
