import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import {
  DEPARTMENT_ROLES,
  INVITABLE_ROLES,
  orgSchemas,
  type DepartmentView,
  type InvitableRole,
  type InvitationView,
  type OrgResponses,
  type PersonView,
} from '@/core/org/org.schema'
import { byField } from './field-errors'

export interface InviteDraft {
  name: string
  roles: InvitableRole[]
  departmentId: string | null
}

export interface RolesDraft {
  userId: string
  roles: InvitableRole[]
  departmentId: string | null
}

const emptyInvite = (): InviteDraft => ({ name: '', roles: [], departmentId: null })

/** Keeps roles in the order of INVITABLE_ROLES, whatever order they were tapped in. */
function ordered(roles: readonly InvitableRole[]): InvitableRole[] {
  return INVITABLE_ROLES.filter((role) => roles.includes(role))
}

export function needsDepartment(roles: readonly string[]): boolean {
  return roles.some((role) => (DEPARTMENT_ROLES as readonly string[]).includes(role))
}

/**
 * 人员与邀请: the people with a role (filter by role), the invitation form (validated with the backend's schema: staff
 * and handlers need a department) and its one-time code, the invitations with 撤销, and per person 调整角色 and 停用.
 * Created by the admin page (subpackage).
 */
export class PeopleStore {
  people: PersonView[] = []
  roleFilter: InvitableRole | null = null
  loaded = false
  loading = false
  error: string | null = null

  /** Active departments: the picker of the invitation and of 调整角色. */
  departments: DepartmentView[] = []

  invitations: InvitationView[] = []
  includeClosed = false
  invitationsError: string | null = null

  invite: InviteDraft = emptyInvite()
  inviteErrors: Record<string, string> = {}
  inviteError: string | null = null
  inviting = false
  invited: OrgResponses['invite'] | null = null

  rolesDraft: RolesDraft | null = null
  rolesErrors: Record<string, string> = {}
  rolesError: string | null = null
  savingRoles = false

  /** Id of the person or invitation whose change is in flight. */
  changing: string | null = null
  private generation = 0

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<PeopleStore, 'api' | 'generation'>(this, { api: false, generation: false })
  }

  /** Active people first. */
  get sorted(): PersonView[] {
    return [...this.people].sort((a, b) => Number(b.active) - Number(a.active))
  }

  /** Loads people, departments and invitations. */
  async load(): Promise<void> {
    await Promise.all([this.loadPeople(), this.loadDepartments(), this.loadInvitations()])
  }

  async loadPeople(): Promise<void> {
    const generation = ++this.generation
    this.loading = true
    this.error = null
    const filter = this.roleFilter
    const res = await this.api.call('org', 'people', { includeInactive: true, ...(filter ? { role: filter } : {}) })
    runInAction(() => {
      if (generation !== this.generation) return
      this.loading = false
      this.loaded = true
      if (res.ok) this.people = res.data.items
      else this.error = res.error.message
    })
  }

  async loadDepartments(): Promise<void> {
    const res = await this.api.call('org', 'departments', {})
    runInAction(() => {
      if (res.ok) this.departments = res.data.items.filter((department) => department.active)
    })
  }

  async loadInvitations(): Promise<void> {
    const res = await this.api.call('org', 'invitations', this.includeClosed ? { includeClosed: true } : {})
    runInAction(() => {
      this.invitationsError = res.ok ? null : res.error.message
      if (res.ok) this.invitations = res.data.items
    })
  }

  setRoleFilter(role: InvitableRole | null): Promise<void> {
    this.roleFilter = role
    return this.loadPeople()
  }

  setIncludeClosed(value: boolean): Promise<void> {
    this.includeClosed = value
    return this.loadInvitations()
  }

  departmentName(id: string | null): string {
    if (!id) return ''
    return this.departments.find((department) => department.id === id)?.name ?? ''
  }

  // ----- invitation

  setInviteName(name: string): void {
    this.invite.name = name
    delete this.inviteErrors.name
  }

  toggleInviteRole(role: InvitableRole): void {
    const roles = this.invite.roles
    this.invite.roles = ordered(roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role])
    delete this.inviteErrors.roles
    if (!needsDepartment(this.invite.roles)) delete this.inviteErrors.departmentId
  }

  setInviteDepartment(id: string | null): void {
    this.invite.departmentId = this.invite.departmentId === id ? null : id
    delete this.inviteErrors.departmentId
  }

  async sendInvite(): Promise<boolean> {
    const d = this.invite
    const parsed = orgSchemas.invite.safeParse({ name: d.name, roles: d.roles, ...(d.departmentId ? { departmentId: d.departmentId } : {}) })
    this.inviteError = null
    if (!parsed.success) {
      this.inviteErrors = byField(parsed.error.issues)
      return false
    }
    this.inviteErrors = {}
    this.inviting = true
    this.invited = null
    const res = await this.api.call('org', 'invite', parsed.data)
    runInAction(() => {
      this.inviting = false
      if (res.ok) {
        this.invited = res.data
        this.invite = emptyInvite()
        this.invitations = [res.data.invitation, ...this.invitations.filter((item) => item.id !== res.data.invitation.id)]
      } else {
        this.inviteError = res.error.message
      }
    })
    return res.ok
  }

  clearInvited(): void {
    this.invited = null
  }

  /** Returns null on success, the Chinese message otherwise. */
  async revoke(id: string): Promise<string | null> {
    this.changing = id
    const res = await this.api.call('org', 'revokeInvite', { id })
    runInAction(() => {
      this.changing = null
      if (res.ok) {
        const revoked = res.data.invitation
        this.invitations = this.includeClosed
          ? this.invitations.map((item) => (item.id === revoked.id ? revoked : item))
          : this.invitations.filter((item) => item.id !== revoked.id)
      }
    })
    return res.ok ? null : res.error.message
  }

  // ----- 调整角色

  editRoles(person: PersonView): void {
    const roles = person.roles.filter((role): role is InvitableRole => (INVITABLE_ROLES as readonly string[]).includes(role))
    this.rolesDraft = { userId: person.id, roles, departmentId: person.departmentId }
    this.rolesErrors = {}
    this.rolesError = null
  }

  closeRoles(): void {
    this.rolesDraft = null
  }

  toggleDraftRole(role: InvitableRole): void {
    const draft = this.rolesDraft
    if (!draft) return
    draft.roles = ordered(draft.roles.includes(role) ? draft.roles.filter((r) => r !== role) : [...draft.roles, role])
    delete this.rolesErrors.roles
    if (!needsDepartment(draft.roles)) delete this.rolesErrors.departmentId
  }

  setDraftDepartment(id: string | null): void {
    if (!this.rolesDraft) return
    this.rolesDraft.departmentId = id
    delete this.rolesErrors.departmentId
  }

  async saveRoles(): Promise<boolean> {
    const draft = this.rolesDraft
    if (!draft) return false
    const parsed = orgSchemas.setRoles.safeParse({ userId: draft.userId, roles: draft.roles, departmentId: draft.departmentId })
    this.rolesError = null
    if (!parsed.success) {
      this.rolesErrors = byField(parsed.error.issues)
      return false
    }
    this.rolesErrors = {}
    this.savingRoles = true
    const res = await this.api.call('org', 'setRoles', parsed.data)
    runInAction(() => {
      this.savingRoles = false
      if (res.ok) {
        this.put(res.data.person)
        this.rolesDraft = null
      } else {
        this.rolesError = res.error.message
      }
    })
    return res.ok
  }

  /** Returns null on success, the Chinese message otherwise. */
  async deactivate(userId: string): Promise<string | null> {
    this.changing = userId
    const res = await this.api.call('org', 'deactivate', { userId })
    runInAction(() => {
      this.changing = null
      if (res.ok) this.put(res.data.person)
    })
    return res.ok ? null : res.error.message
  }

  /** Puts a changed person in the list, or drops them when they no longer have the filtered role. */
  private put(person: PersonView): void {
    const visible = !this.roleFilter || person.roles.includes(this.roleFilter)
    this.people = this.people.flatMap((item) => (item.id === person.id ? (visible ? [person] : []) : [item]))
  }
}
