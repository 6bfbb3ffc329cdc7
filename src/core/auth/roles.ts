export const ROLES = ['holder', 'staff', 'handler', 'commissioner', 'leader', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  holder: '服务卡持卡人',
  staff: '流动站工作人员',
  handler: '部门经办人',
  commissioner: '特派员',
  leader: '区领导',
  admin: '管理员',
}

export interface UserView {
  id: string
  name: string
  roles: Role[]
  departmentId: string | null
}
