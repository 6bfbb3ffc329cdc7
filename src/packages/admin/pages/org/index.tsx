import { View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { FormField } from '@/components/FormField'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { ORG_LIMITS } from '@/core/org/org.limits'
import { useStores } from '@/stores'
import { OrgDistrictStore } from '@/stores/org-district.store'
import '../../org.scss'

/** 行政区设置: the district's name (heads every page) and its 行政区划代码. */
function OrgPage() {
  const { session, api, district } = useStores()
  const [store] = useState(() => new OrgDistrictStore(api, (saved) => district.set(saved)))
  const allowed = session.hasRole('admin')

  // Once: coming back to the page keeps what is being typed.
  useEffect(() => {
    if (allowed && !store.loaded && !store.loading) void store.load()
  }, [allowed, store])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='行政区设置仅限管理员使用' /></Page>

  return (
    <Page>
      <View className='section' id='district-form'>
        <View className='section-title'>行政区</View>
        {store.loaded && !store.loadError && !store.district && (
          <View className='hint' id='district-empty' style={{ marginBottom: '10px' }}>
            尚未设置行政区。设置后，名称显示在首页标题中，服务站和部门也才能开始设置。
          </View>
        )}
        <ErrorNotice error={store.loadError} id='district-load-error' onRetry={() => void store.load()} retrying={store.loading} />
        {/* The form waits for the saved district: filling it in would otherwise overwrite what was typed meanwhile. */}
        {!store.loaded && !store.loadError && <View className='hint'>正在加载…</View>}
        {store.loaded && !store.loadError && <DistrictForm store={store} />}
      </View>
    </Page>
  )
}

const DistrictForm = observer(function DistrictForm({ store }: { store: OrgDistrictStore }) {
  return (
    <View>
      <FormField id='district-name' label='行政区名称' placeholder='如：威海市环翠区' value={store.name} maxlength={ORG_LIMITS.districtName.max} error={store.errors.name} onInput={(v) => store.set('name', v)} />
      <FormField
        id='district-code'
        label='行政区划代码（选填，6位数字）'
        placeholder='如：371002'
        type='number'
        value={store.code}
        maxlength={6}
        error={store.errors.code}
        onInput={(v) => store.set('code', v)}
      />
      {store.error && (
        <View className='error-text' id='district-error'>
          {store.error}
        </View>
      )}
      {store.saved && (
        <View className='ok-text' id='district-saved'>
          已保存
        </View>
      )}
      <View style={{ marginTop: '8px' }}>
        <Button id='district-save' type='primary' size='small' loading={store.saving} disabled={store.saving} onClick={() => void store.save()}>
          保存
        </Button>
      </View>
    </View>
  )
})

export default observer(OrgPage)
