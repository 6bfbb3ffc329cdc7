import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { FormField } from '@/components/FormField'
import { QrImage } from '@/components/QrImage'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { ROLE_LABELS } from '@/core/auth/roles'
import { INVITABLE_ROLES, INVITE_HOURS } from '@/core/org/org.labels'
import { ORG_LIMITS } from '@/core/org/org.limits'
import type { InvitableRole, InvitationView, PersonView } from '@/core/org/org.schema'
import { useStores } from '@/stores'
import { needsDepartment, PeopleStore } from '@/stores/people.store'
import { momentText } from '@/utils/time'
import { useFreshList } from '@/utils/use-fresh-list'
import { rolesText } from '@/utils/labels'
import { INVITATION_STATUS_LABELS, INVITATION_STATUS_TAG } from '../../org-text'
import '../../org.scss'

function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <View className='field-error' id={id}>
      {text}
    </View>
  ) : null
}

/** Role chips and the department chips (required for staff and handlers): the invitation and 调整角色 share them. */
const RolesPicker = observer(function RolesPicker(props: {
  store: PeopleStore
  prefix: string
  roles: readonly InvitableRole[]
  departmentId: string | null
  errors: Record<string, string>
  onRole: (role: InvitableRole) => void
  onDepartment: (id: string | null) => void
}) {
  const { store, prefix, roles, departmentId, errors } = props
  const required = needsDepartment(roles)
  return (
    <View>
      <View className='field'>
        <View className='field-label'>角色（可多选）</View>
        <View className='btn-wrap'>
          {INVITABLE_ROLES.map((role) => (
            <View key={role} id={`${prefix}-role-${role}`} className={`chip ${roles.includes(role) ? 'chip-active' : ''}`} {...tappable(() => props.onRole(role), { pressed: roles.includes(role) })}>
              {ROLE_LABELS[role]}
            </View>
          ))}
        </View>
        <FieldError id={`${prefix}-roles-error`} text={errors.roles} />
      </View>
      <View className='field'>
        <View className='field-label'>所在部门{required ? '（工作人员、部门经办人必选）' : '（选填）'}</View>
        <View className='btn-wrap'>
          {store.departments.map((department) => (
            <View
              key={department.id}
              id={`${prefix}-dept-${department.id}`}
              className={`chip ${departmentId === department.id ? 'chip-active' : ''}`}
              {...tappable(() => props.onDepartment(departmentId === department.id ? null : department.id), { pressed: departmentId === department.id })}
            >
              {department.shortName || department.name}
            </View>
          ))}
          {store.departments.length === 0 && <Text className='hint'>还没有部门，请先在「部门管理」中添加</Text>}
        </View>
        <FieldError id={`${prefix}-department-error`} text={errors.departmentId} />
      </View>
    </View>
  )
})

const InviteForm = observer(function InviteForm({ store }: { store: PeopleStore }) {
  const d = store.invite
  return (
    <View className='section' id='invite-form'>
      <View className='section-title'>邀请</View>
      <View className='hint' style={{ marginBottom: '10px' }}>
        生成一次性邀请码（{INVITE_HOURS}小时内有效）。对方在小程序「我的」中输入或扫码后，即获得所选角色。
      </View>
      <FormField id='invite-name' label='姓名' value={d.name} maxlength={ORG_LIMITS.personName.max} error={store.inviteErrors.name} onInput={(v) => store.setInviteName(v)} />
      <RolesPicker
        store={store}
        prefix='invite'
        roles={d.roles}
        departmentId={d.departmentId}
        errors={store.inviteErrors}
        onRole={(role) => store.toggleInviteRole(role)}
        onDepartment={(id) => store.setInviteDepartment(id)}
      />
      {store.inviteError && (
        <View className='error-text' id='invite-error'>
          {store.inviteError}
        </View>
      )}
      <View style={{ marginTop: '8px' }}>
        <Button id='invite-submit' type='primary' size='small' loading={store.inviting} disabled={store.inviting} onClick={() => void store.sendInvite()}>
          生成邀请码
        </Button>
      </View>
    </View>
  )
})

const InviteResult = observer(function InviteResult({ store }: { store: PeopleStore }) {
  const invited = store.invited
  if (!invited) return null
  const { invitation } = invited
  const copy = () => {
    void Taro.setClipboardData({ data: invited.inviteCode })
  }
  return (
    <View className='section' id='invite-result'>
      <View className='section-title'>
        已邀请 {invitation.name}（{rolesText(invitation.roles)}
        {invitation.departmentName ? ` · ${invitation.departmentName}` : ''}）
      </View>
      <View className='hint'>请将邀请码或二维码交给本人，仅能使用一次：</View>
      <View className='invite-code mono' id='invite-code'>
        {invited.inviteCode}
      </View>
      <View className='invite-qr'>
        <QrImage id='invite-qr' text={invited.qr} size={200} alt='邀请码二维码' />
      </View>
      <View className='hint' id='invite-expires'>
        有效期至 {momentText(invited.expiresAt)}
      </View>
      <View className='btn-wrap' style={{ marginTop: '8px' }}>
        <Button id='invite-copy' size='small' type='primary' onClick={copy}>
          复制邀请码
        </Button>
        <Button id='invite-again' size='small' onClick={() => store.clearInvited()}>
          继续邀请
        </Button>
      </View>
    </View>
  )
})

const Invitation = observer(function Invitation({ store, item }: { store: PeopleStore; item: InvitationView }) {
  const revoke = async () => {
    const answer = await Taro.showModal({
      title: '撤销邀请',
      content: `撤销后给「${item.name}」的邀请码不能再使用。确定撤销？`,
      confirmText: '撤销',
      confirmColor: '#cf1322',
    })
    if (!answer.confirm) return
    const problem = await store.revoke(item.id)
    void Taro.showToast({ title: problem ?? '已撤销', icon: problem ? 'none' : 'success' })
  }
  return (
    <View className={`org-item ${item.status === 'open' ? '' : 'org-item-inactive'}`} id={`invitation-${item.id}`}>
      <View className='org-item-head'>
        <Text className='org-item-name'>{item.name}</Text>
        <Tag type={INVITATION_STATUS_TAG[item.status]}>
          <Text id={`invitation-status-${item.id}`}>{INVITATION_STATUS_LABELS[item.status]}</Text>
        </Tag>
      </View>
      <View className='hint'>
        {rolesText(item.roles)}
        {item.departmentName ? ` · ${item.departmentName}` : ''}
      </View>
      <View className='hint'>
        {item.status === 'redeemed' && item.redeemedByName ? `由 ${item.redeemedByName} 接受 · ` : ''}
        {item.status === 'open' ? `有效期至 ${momentText(item.expiresAt)}` : `邀请于 ${momentText(item.createdAt)}`}
      </View>
      {item.status === 'open' && (
        <View className='org-actions'>
          <Button
            id={`invitation-revoke-${item.id}`}
            size='small'
            type='danger'
            fill='outline'
            loading={store.changing === item.id}
            disabled={store.changing === item.id}
            onClick={() => void revoke()}
          >
            撤销
          </Button>
        </View>
      )}
    </View>
  )
})

const Person = observer(function Person({ store, person, self }: { store: PeopleStore; person: PersonView; self: boolean }) {
  const draft = store.rolesDraft?.userId === person.id ? store.rolesDraft : null
  const deactivate = async () => {
    const answer = await Taro.showModal({
      title: '停用人员',
      content: `停用后「${person.name}」立即退出登录，不能再使用工作功能，已有记录保留。确定停用？`,
      confirmText: '停用',
      confirmColor: '#cf1322',
    })
    if (!answer.confirm) return
    const problem = await store.deactivate(person.id)
    void Taro.showToast({ title: problem ?? '已停用', icon: problem ? 'none' : 'success' })
  }
  return (
    <View className={`org-item ${person.active ? '' : 'org-item-inactive'}`} id={`person-${person.id}`}>
      <View className='org-item-head'>
        <Text className='org-item-name'>{person.name}</Text>
        {!person.active && (
          <Tag type='default'>
            <Text id={`person-inactive-${person.id}`}>已停用</Text>
          </Tag>
        )}
      </View>
      <View className='hint' id={`person-roles-text-${person.id}`}>
        {rolesText(person.roles)}
        {person.departmentName ? ` · ${person.departmentName}` : ''}
      </View>
      {person.active && !draft && (
        <View className='btn-wrap org-actions'>
          <Button id={`person-edit-roles-${person.id}`} size='small' fill='outline' onClick={() => store.editRoles(person)}>
            调整角色
          </Button>
          {!self && (
            <Button
              id={`person-deactivate-${person.id}`}
              size='small'
              type='danger'
              fill='outline'
              loading={store.changing === person.id}
              disabled={store.changing === person.id}
              onClick={() => void deactivate()}
            >
              停用
            </Button>
          )}
        </View>
      )}
      {draft && (
        <View className='org-actions' id={`person-roles-form-${person.id}`}>
          <RolesPicker
            store={store}
            prefix={`person-${person.id}`}
            roles={draft.roles}
            departmentId={draft.departmentId}
            errors={store.rolesErrors}
            onRole={(role) => store.toggleDraftRole(role)}
            onDepartment={(id) => store.setDraftDepartment(id)}
          />
          {draft.roles.length === 0 && <View className='hint'>不选角色即收回全部工作角色（持卡人身份不受影响）。</View>}
          {store.rolesError && (
            <View className='error-text' id={`person-roles-error-${person.id}`}>
              {store.rolesError}
            </View>
          )}
          <View className='btn-wrap' style={{ marginTop: '8px' }}>
            <Button id={`person-roles-save-${person.id}`} size='small' type='primary' loading={store.savingRoles} disabled={store.savingRoles} onClick={() => void store.saveRoles()}>
              保存角色
            </Button>
            <Button size='small' onClick={() => store.closeRoles()}>
              取消
            </Button>
          </View>
        </View>
      )}
    </View>
  )
})

/** 人员与邀请: invite people by one-time code, see who has which role, adjust roles, deactivate. */
function PeoplePage() {
  const { session, api } = useStores()
  const [store] = useState(() => new PeopleStore(api))
  const allowed = session.hasRole('admin')

  useFreshList(allowed, store)

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='人员与邀请仅限管理员使用' /></Page>

  const filters: Array<InvitableRole | null> = [null, ...INVITABLE_ROLES]
  const open = store.invitations.filter((item) => item.status === 'open').length
  return (
    <Page>
      {store.invited ? <InviteResult store={store} /> : <InviteForm store={store} />}

      <View className='section' id='invitation-list'>
        <View className='org-item-head'>
          <View className='section-title'>邀请记录{open > 0 ? `（${open} 个待接受）` : ''}</View>
          <View id='invitations-closed' className={`chip ${store.includeClosed ? 'chip-active' : ''}`} {...tappable(() => void store.setIncludeClosed(!store.includeClosed), { pressed: store.includeClosed })}>
            含已结束
          </View>
        </View>
        <ErrorNotice error={store.invitationsError} id='invitations-error' />
        {store.loaded && !store.invitationsError && store.invitations.length === 0 && <View className='hint'>暂无邀请</View>}
        {store.invitations.map((item) => (
          <Invitation key={item.id} store={store} item={item} />
        ))}
      </View>

      <View className='section' id='people-list'>
        <View className='section-title'>人员</View>
        <View className='btn-wrap' style={{ marginBottom: '8px' }}>
          {filters.map((role) => (
            <View
              key={role ?? 'all'}
              id={`people-filter-${role ?? 'all'}`}
              className={`chip ${store.roleFilter === role ? 'chip-active' : ''}`}
              {...tappable(() => void store.setRoleFilter(role), { pressed: store.roleFilter === role })}
            >
              {role ? ROLE_LABELS[role] : '全部'}
            </View>
          ))}
        </View>
        <ErrorNotice error={store.error} id='people-error' onRetry={() => void store.load()} retrying={store.loading} />
        {store.loading && !store.loaded && <View className='hint'>正在加载…</View>}
        {store.loaded && !store.loading && !store.error && store.people.length === 0 && <EmptyState description='没有符合条件的人员' />}
        {store.sorted.map((person) => (
          <Person key={person.id} store={store} person={person} self={person.id === session.user?.id} />
        ))}
      </View>
    </Page>
  )
}

export default observer(PeoplePage)
