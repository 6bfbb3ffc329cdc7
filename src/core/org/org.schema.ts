import type { Role } from '../auth/roles'
import { isoDate } from '../calendar/calendar.schema'
import * as z from 'zod'
import { empty, id, line } from '../common/zod'
import { INVITABLE_ROLES, DEPARTMENT_ROLES, type AuditAction, type ChecklistItem } from './org.labels'
import { ORG_LIMITS as L } from './org.limits'

export * from './org.labels'

const roles = z.array(z.enum(INVITABLE_ROLES)).min(1, '至少选择一个角色').max(INVITABLE_ROLES.length)

/** Roles of a department need a department; say so at the field. */
function needsDepartment(value: { roles: readonly string[]; departmentId?: string | null }, ctx: z.RefinementCtx) {
  if (value.roles.some((role) => DEPARTMENT_ROLES.includes(role as Role)) && !value.departmentId) {
    ctx.addIssue({ code: 'custom', path: ['departmentId'], message: '工作人员和部门经办人须选择所在部门' })
  }
}

/** An invitation code as people type it: 12 letters or digits, dashes and spaces ignored; a scanned QR text too. */
const inviteCode = z
  .string()
  .trim()
  .max(64)
  .transform((code) => code.replace(/^LDZW-INVITE:/i, '').replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{12}$/, '邀请码为12位字母或数字'))

const year = z.number().int().min(2020, '年份应在2020年至2100年之间').max(2100, '年份应在2020年至2100年之间')

export const orgSchemas = {
  district: empty,
  saveDistrict: z.strictObject({
    name: line(L.districtName.max, L.districtName.min),
    /** 行政区划代码 (GB/T 2260), six digits. */
    code: z.string().trim().regex(/^\d{6}$/, '行政区划代码应为6位数字').optional(),
  }),
  departments: z.strictObject({ includeInactive: z.boolean().optional() }),
  saveDepartment: z.strictObject({
    id: id.optional(),
    name: line(L.departmentName.max, L.departmentName.min),
    shortName: line(L.departmentShortName.max, L.departmentShortName.min).optional(),
    /** Receives commissioners' special reports (组织部, 督查室). */
    receivesEscalations: z.boolean().optional(),
  }),
  deactivateDepartment: z.strictObject({ id }),
  invite: z.strictObject({ name: line(L.personName.max, L.personName.min), roles, departmentId: id.optional() }).superRefine(needsDepartment),
  invitations: z.strictObject({ includeClosed: z.boolean().optional() }),
  revokeInvite: z.strictObject({ id }),
  redeem: z.strictObject({ inviteCode }),
  people: z.strictObject({ role: z.enum(INVITABLE_ROLES).optional(), departmentId: id.optional(), includeInactive: z.boolean().optional() }),
  setRoles: z
    .strictObject({ userId: id, roles: z.array(z.enum(INVITABLE_ROLES)).max(INVITABLE_ROLES.length), departmentId: id.nullable().optional() })
    .superRefine(needsDepartment),
  deactivate: z.strictObject({ userId: id }),
  commissionerAssignments: z.strictObject({ commissionerId: id.optional() }),
  assignCommissioner: z.strictObject({ commissionerId: id, holderId: id }),
  unassignCommissioner: z.strictObject({ commissionerId: id, holderId: id }),
  audit: z.strictObject({ before: z.number().int().positive().optional(), limit: z.number().int().min(1).max(100).optional() }),
  calendar: z.strictObject({ year }),
  saveCalendar: z
    .strictObject({ year, days: z.array(z.strictObject({ date: isoDate, off: z.boolean() })).max(80, '最多80个调整日') })
    .superRefine((value, ctx) => {
      const seen = new Set<string>()
      value.days.forEach((day, index) => {
        if (!day.date.startsWith(`${value.year}-`)) ctx.addIssue({ code: 'custom', path: ['days', index, 'date'], message: `日期须在${value.year}年内` })
        if (seen.has(day.date)) ctx.addIssue({ code: 'custom', path: ['days', index, 'date'], message: '日期重复' })
        seen.add(day.date)
      })
    }),
  /** Home page of administrators and leaders: the checklist (administrators) and the calendar warnings. */
  overview: empty,
}

export interface DistrictView {
  id: string
  name: string
  code: string | null
}

export interface DepartmentView {
  id: string
  name: string
  shortName: string | null
  receivesEscalations: boolean
  active: boolean
  /** People with a role in this department. */
  people: number
}

export interface PersonView {
  id: string
  name: string
  roles: Role[]
  departmentId: string | null
  departmentName: string | null
  active: boolean
  createdAt: string
}

export interface InvitationView {
  id: string
  name: string
  roles: Role[]
  departmentId: string | null
  departmentName: string | null
  createdAt: string
  expiresAt: string
  status: 'open' | 'redeemed' | 'expired' | 'revoked'
  redeemedByName: string | null
}

export interface CommissionerAssignmentView {
  commissionerId: string
  commissionerName: string
  holderId: string
  holderName: string
  holderType: 'enterprise' | 'project' | 'talent'
  assignedAt: string
}

export interface AuditEventView {
  id: number
  at: string
  actorName: string
  action: AuditAction
  targetType: string
  targetId: string
  summary: string
  before: unknown
  after: unknown
}

export interface CalendarDay {
  date: string
  /** true: a day off (法定节假日); false: a 调休 working day on a weekend. */
  off: boolean
  /** The holiday's name where the data has one (chinese-days). */
  name?: string | null
}

export interface CalendarView {
  year: number
  /** 'district': entered and confirmed by the district; 'chinese-days': the package's data, not confirmed yet; 'none': no data, Monday–Friday. */
  source: 'district' | 'chinese-days' | 'none'
  confirmed: boolean
  confirmedAt: string | null
  confirmedByName: string | null
  days: CalendarDay[]
}

export interface CalendarWarning {
  year: number
  /** 'missing': nothing known, counted Monday–Friday; 'unconfirmed': from chinese-days, not confirmed by the district. */
  kind: 'missing' | 'unconfirmed'
  message: string
}

export interface OrgResponses {
  district: { district: DistrictView | null }
  saveDistrict: { district: DistrictView }
  departments: { items: DepartmentView[] }
  saveDepartment: { department: DepartmentView }
  deactivateDepartment: { department: DepartmentView }
  invite: { inviteCode: string; qr: string; expiresAt: string; invitation: InvitationView }
  invitations: { items: InvitationView[] }
  revokeInvite: { invitation: InvitationView }
  redeem: { user: { id: string; name: string; roles: Role[]; departmentId: string | null } }
  people: { items: PersonView[] }
  setRoles: { person: PersonView }
  deactivate: { person: PersonView }
  commissionerAssignments: { items: CommissionerAssignmentView[] }
  assignCommissioner: { assignment: CommissionerAssignmentView }
  unassignCommissioner: { removed: boolean }
  audit: { items: AuditEventView[]; nextBefore: number | null }
  calendar: { calendar: CalendarView }
  saveCalendar: { calendar: CalendarView }
  overview: {
    district: DistrictView | null
    /** Administrators only (empty for leaders). */
    checklist: Array<{ item: ChecklistItem; label: string; done: boolean }>
    calendarWarnings: CalendarWarning[]
  }
}
