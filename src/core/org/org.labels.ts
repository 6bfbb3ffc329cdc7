import type { Role } from '../auth/roles'

/** Roles an invitation may give. Holders come from card activation, never from an invitation. */
export const INVITABLE_ROLES = ['staff', 'handler', 'commissioner', 'leader', 'admin'] as const satisfies readonly Role[]
export type InvitableRole = (typeof INVITABLE_ROLES)[number]

/** Roles that work for one department and so need one (a staff member is drawn from a department, 一人多能). */
export const DEPARTMENT_ROLES: readonly Role[] = ['staff', 'handler']

/** How long an invitation code works. */
export const INVITE_HOURS = 72

/** What a QR code in this product starts with: a scanned text says what it is before anything is sent. */
export const QR_PREFIX = { invite: 'LDZW-INVITE:', desktop: 'LDZW-DESKTOP:' } as const

/** Kinds of audit events (org.audit), with the words an administrator reads. */
export const AUDIT_ACTIONS = {
  'district.save': '设置行政区',
  'department.save': '保存部门',
  'department.deactivate': '停用部门',
  'invite.create': '发出邀请',
  'invite.revoke': '撤销邀请',
  'invite.redeem': '接受邀请',
  'person.setRoles': '调整角色',
  'person.deactivate': '停用人员',
  'commissioner.assign': '指派特派员',
  'commissioner.unassign': '取消特派员指派',
  'calendar.save': '确认节假日安排',
} as const
export type AuditAction = keyof typeof AUDIT_ACTIONS

/** Items of the administrator's first-run checklist, in the order a district does them. */
export const CHECKLIST_ITEMS = {
  district: '设置行政区名称',
  departments: '添加部门',
  stations: '添加服务站和固定服务日',
  people: '邀请工作人员、经办人和领导',
  calendar: '确认节假日安排',
} as const
export type ChecklistItem = keyof typeof CHECKLIST_ITEMS
