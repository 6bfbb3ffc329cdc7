import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { HomeGrid } from '@/components/HomeGrid'
import { HomeNext } from '@/components/HomeNext'
import { OrgOverview } from '@/components/OrgOverview'
import { Page } from '@/components/Page'
import { SignInPanel } from '@/components/SignInPanel'
import { homeEntries, mainEntries } from '@/core/auth/home'
import { ROLE_LABELS } from '@/core/auth/roles'
import { useStores } from '@/stores'
import { useHomeStore } from '@/stores/home.store'
import { rolesText } from '@/utils/labels'
import { useRoleTabs } from '@/utils/role-tabs'

function IndexPage() {
  const { session, district, orgOverview, display } = useStores()
  const home = useHomeStore()
  const user = session.user
  // 适老化 mode: the four main jobs, the rest one tap away.
  const [showAll, setShowAll] = useState(false)
  const simple = display.elderly && !showAll
  // Administrators and leaders: the set-up checklist and the holiday-calendar warnings of org.overview.
  const office = session.hasRole('admin') || session.hasRole('leader')
  useRoleTabs()
  // The counts and the next booking or service day: on sign-in and whenever the home page shows again.
  useEffect(() => {
    if (user) void home.refresh()
  }, [user, home])
  useEffect(() => {
    if (user && office) void orgOverview.load()
  }, [user, office, orgOverview])
  // The district's name in the title (loaded at start; here again if that failed).
  useEffect(() => {
    void district.ensure()
  }, [district])
  useDidShow(() => {
    if (session.user) void home.refresh()
    if (session.user && (session.hasRole('admin') || session.hasRole('leader'))) void orgOverview.load()
  })
  return (
    <Page>
      <View className='page-title' id='home-title'>
        {district.title}
      </View>

      <View className='section'>
        {user ? (
          <View>
            <View className='row'>
              <Text className='row-label'>当前身份</Text>
              <Text className='row-value' id='current-user'>
                {user.name}
              </Text>
            </View>
            <View className='hint'>{rolesText(user.roles)}</View>
          </View>
        ) : (
          <SignInPanel />
        )}
      </View>

      {user && <HomeNext />}

      {user && <OrgOverview />}

      {user && (
        <View className='section'>
          <View className='section-title'>我要办</View>
          <HomeGrid entries={simple ? mainEntries(user.roles) : homeEntries(user.roles)} />
          {simple && (
            <Button id='home-more' block onClick={() => setShowAll(true)}>
              全部服务
            </Button>
          )}
          {user.roles.length === 0 && <Text className='hint'>您还没有服务卡。收到激活码后，请到「我的」激活服务卡。</Text>}
        </View>
      )}

      {session.demoUsers && session.demoUsers.length > 0 && (
        <View className='section'>
          <View className='section-title'>切换演示身份</View>
          <View className='hint' style={{ marginBottom: '10px' }}>
            仅本地演示环境提供，正式环境通过微信身份登录。
          </View>
          <View className='btn-list'>
            {session.demoUsers.map((demo) => (
              <Button
                key={demo.userKey}
                id={`login-${demo.userKey}`}
                size='small'
                type={user && session.user?.name === demo.name ? 'primary' : 'default'}
                disabled={session.loading}
                onClick={() => void session.devLogin(demo.userKey)}
              >
                {demo.name}（{demo.roles.map((role) => ROLE_LABELS[role]).join('、') || '访客'}）
              </Button>
            ))}
          </View>
          {session.error && <View className='error-text'>{session.error}</View>}
        </View>
      )}
    </Page>
  )
}

export default observer(IndexPage)
