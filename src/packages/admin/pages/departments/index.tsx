import { Switch, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { FormField } from '@/components/FormField'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { ORG_LIMITS } from '@/core/org/org.limits'
import type { DepartmentView } from '@/core/org/org.schema'
import { useStores } from '@/stores'
import { DepartmentsStore } from '@/stores/departments.store'
import { useFreshList } from '@/utils/use-fresh-list'
import '../../org.scss'

const DepartmentForm = observer(function DepartmentForm({ store }: { store: DepartmentsStore }) {
  const d = store.draft
  return (
    <View className='section' id='department-form'>
      <View className='section-title'>{d.id ? '编辑部门' : '添加部门'}</View>
      <FormField id='department-name' label='部门名称' placeholder='如：区自然资源局' value={d.name} maxlength={ORG_LIMITS.departmentName.max} error={store.errors.name} onInput={(v) => store.set('name', v)} />
      <FormField
        id='department-short-name'
        label='简称（选填）'
        placeholder='如：自然资源局'
        value={d.shortName}
        maxlength={ORG_LIMITS.departmentShortName.max}
        error={store.errors.shortName}
        onInput={(v) => store.set('shortName', v)}
      />
      <View className='field switch-row'>
        <View>
          <View className='field-label'>接收专报</View>
          <View className='hint'>特派员的专报送达此部门（如组织部、督查室）</View>
        </View>
        <Switch id='department-escalations' checked={d.receivesEscalations} onChange={(value) => store.set('receivesEscalations', value)} />
      </View>
      {store.formError && (
        <View className='error-text' id='department-error'>
          {store.formError}
        </View>
      )}
      <View className='btn-wrap' style={{ marginTop: '8px' }}>
        <Button id='department-save' type='primary' size='small' loading={store.saving} disabled={store.saving} onClick={() => void store.save()}>
          保存
        </Button>
        <Button id='department-cancel' size='small' onClick={() => store.close()}>
          取消
        </Button>
      </View>
    </View>
  )
})

const DepartmentItem = observer(function DepartmentItem({ store, department }: { store: DepartmentsStore; department: DepartmentView }) {
  const deactivate = async () => {
    const answer = await Taro.showModal({
      title: '停用部门',
      content: `停用后「${department.name}」不再接收新的诉求和排班，已有记录保留。确定停用？`,
      confirmText: '停用',
      confirmColor: '#cf1322',
    })
    if (!answer.confirm) return
    const problem = await store.deactivate(department.id)
    void Taro.showToast({ title: problem ?? '已停用', icon: problem ? 'none' : 'success' })
  }
  return (
    <View className={`org-item ${department.active ? '' : 'org-item-inactive'}`} id={`department-${department.id}`}>
      <View className='org-item-head'>
        <Text className='org-item-name'>{department.name}</Text>
        <View className='btn-wrap'>
          {department.receivesEscalations && <Tag type='warning'>接收专报</Tag>}
          {!department.active && (
            <Tag type='default'>
              <Text id={`department-inactive-${department.id}`}>已停用</Text>
            </Tag>
          )}
        </View>
      </View>
      <View className='hint'>
        {department.shortName ? `简称 ${department.shortName} · ` : ''}
        {department.people} 人
      </View>
      {department.active && (
        <View className='btn-wrap org-actions'>
          <Button id={`department-edit-${department.id}`} size='small' fill='outline' onClick={() => store.edit(department)}>
            编辑
          </Button>
          <Button
            id={`department-deactivate-${department.id}`}
            size='small'
            type='danger'
            fill='outline'
            loading={store.deactivating === department.id}
            disabled={store.deactivating === department.id}
            onClick={() => void deactivate()}
          >
            停用
          </Button>
        </View>
      )}
    </View>
  )
})

/** 部门管理: the departments of the district; a deactivated one keeps its history and gets no new work. */
function DepartmentsPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new DepartmentsStore(api))
  const allowed = session.hasRole('admin')

  useFreshList(allowed, store)

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='部门管理仅限管理员使用' /></Page>

  return (
    <Page>
      {store.showForm ? (
        <DepartmentForm store={store} />
      ) : (
        <View className='section'>
          <Button id='department-add' type='primary' size='small' onClick={() => store.add()}>
            添加部门
          </Button>
        </View>
      )}
      <View className='section' id='department-list'>
        <View className='section-title'>部门</View>
        <ErrorNotice error={store.error} id='departments-error' onRetry={() => void store.load()} retrying={store.loading} />
        {store.loading && !store.loaded && <View className='hint'>正在加载…</View>}
        {store.loaded && !store.error && store.items.length === 0 && <EmptyState description='还没有部门，请先添加' />}
        {store.sorted.map((department) => (
          <DepartmentItem key={department.id} store={store} department={department} />
        ))}
      </View>
    </Page>
  )
}

export default observer(DepartmentsPage)
