import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { SignInPanel } from '@/components/SignInPanel'
import { OrgOverview } from '@/components/OrgOverview'
import { Page } from '@/components/Page'
import { ROLE_LABELS } from '@/core/auth/roles'
import { useStores } from '@/stores'
import { rolesText } from '@/utils/labels'
import { BOOKINGS_PAGE } from '@/utils/links'

function go(url: string) {
  void Taro.navigateTo({ url })
}

function IndexPage() {
  const { session, inbox, district, orgOverview } = useStores()
  const user = session.user
  // Administrators and leaders: the set-up checklist and the holiday-calendar warnings of org.overview.
  const office = session.hasRole('admin') || session.hasRole('leader')
  // The unread badge of 消息中心: on sign-in and whenever the home page shows again.
  useEffect(() => {
    if (user) void inbox.refreshUnread()
  }, [user, inbox])
  useEffect(() => {
    if (user && office) void orgOverview.load()
  }, [user, office, orgOverview])
  // The district's name in the title (loaded at start; here again if that failed).
  useEffect(() => {
    void district.ensure()
  }, [district])
  useDidShow(() => {
    if (session.user) void inbox.refreshUnread()
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

      {user && <OrgOverview />}

      {user && (
        <View className='section'>
          <View className='section-title'>我要办</View>
          <View className='btn-list'>
            {session.hasRole('holder') && (
              <Button id='entry-card' type='primary' block onClick={() => void Taro.switchTab({ url: '/pages/card/index' })}>
                我的服务卡
              </Button>
            )}
            {session.hasRole('holder') && (
              <Button id='entry-sessions' type='primary' block onClick={() => void Taro.switchTab({ url: '/pages/sessions/index' })}>
                预约服务
              </Button>
            )}
            {session.hasRole('holder') && (
              <Button id='entry-bookings' block onClick={() => go(BOOKINGS_PAGE)}>
                我的预约
              </Button>
            )}
            {session.hasRole('holder') && (
              <Button id='entry-problems' block onClick={() => go('/packages/holder/pages/problems/index')}>
                我的诉求
              </Button>
            )}
            {session.hasRole('holder') && (
              <Button id='entry-ratings' block onClick={() => go('/packages/holder/pages/ratings/index')}>
                服务评价（待评价）
              </Button>
            )}
            {(session.hasRole('holder') || session.hasRole('admin') || session.hasRole('leader') || session.hasRole('handler')) && (
              <Button id='entry-surveys' block onClick={() => go('/packages/survey/pages/index/index')}>
                {session.hasRole('admin') ? '企业评判问卷' : session.hasRole('holder') ? '问卷调查' : '问卷结果'}
              </Button>
            )}
            {session.hasRole('staff') && (
              <Button id='entry-verify' type='primary' block onClick={() => go('/packages/staff/pages/verify/index')}>
                扫码核验
              </Button>
            )}
            {(session.hasRole('staff') || session.hasRole('admin')) && (
              <Button id='entry-desk' type='primary' block onClick={() => go('/packages/staff/pages/desk/index')}>
                今日服务台
              </Button>
            )}
            {(session.hasRole('staff') || session.hasRole('admin')) && (
              <Button id='entry-home-visits' block onClick={() => go('/packages/staff/pages/home-visits/index')}>
                上门服务
              </Button>
            )}
            {(session.hasRole('staff') || session.hasRole('admin')) && (
              <Button id='entry-staff-problems' type='primary' block onClick={() => go('/packages/staff/pages/problems/index')}>
                诉求受理
              </Button>
            )}
            {session.hasRole('handler') && (
              <Button id='entry-handler-inbox' type='primary' block onClick={() => go('/packages/handler/pages/inbox/index')}>
                部门诉求办理
              </Button>
            )}
            {session.hasRole('handler') && (
              <Button id='entry-handler-rectifications' type='primary' block onClick={() => go('/packages/handler/pages/rectifications/index')}>
                差评整改
              </Button>
            )}
            {session.hasRole('commissioner') && (
              <Button id='entry-commissioner' type='primary' block onClick={() => go('/packages/commissioner/pages/assignees/index')}>
                联系企业
              </Button>
            )}
            {(session.hasRole('leader') || session.hasRole('admin')) && (
              <Button id='entry-leader-ledger' type='primary' block onClick={() => go('/packages/leader/pages/ledger/index')}>
                诉求台帐
              </Button>
            )}
            {(session.hasRole('leader') || session.hasRole('admin')) && (
              <Button id='entry-leader-dashboard' type='primary' block onClick={() => go('/packages/leader/pages/dashboard/index')}>
                领导驾驶舱
              </Button>
            )}
            {(session.hasRole('leader') || session.hasRole('admin')) && (
              <Button id='entry-leader-report' block onClick={() => go('/packages/leader/pages/report/index')}>
                月度报表
              </Button>
            )}
            <Button id='entry-policies' block onClick={() => go('/packages/policy/pages/index/index')}>
              政策直通车
            </Button>
            {(session.hasRole('admin') || session.hasRole('handler')) && (
              <Button id='entry-policy-manage' block onClick={() => go('/packages/policy/pages/manage/index')}>
                政策发布
              </Button>
            )}
            <Button id='entry-inbox' block onClick={() => go('/packages/user/pages/inbox/index')}>
              消息中心
              {inbox.unread > 0 && (
                <Text className='badge' id='inbox-unread'>
                  {inbox.unread > 99 ? '99+' : inbox.unread}
                </Text>
              )}
            </Button>
            {(session.hasRole('leader') || session.hasRole('admin') || session.hasRole('handler')) && (
              <Button id='entry-leader-scores' block onClick={() => go('/packages/leader/pages/scores/index')}>
                评价统计
              </Button>
            )}
            {session.hasRole('admin') && (
              <Button id='entry-admin-appeals' block onClick={() => go('/packages/admin/pages/appeals/index')}>
                评价申诉裁决
              </Button>
            )}
            {session.hasRole('admin') && (
              <Button id='entry-admin-dispatch' type='primary' block onClick={() => go('/packages/admin/pages/dispatch/index')}>
                诉求交办
              </Button>
            )}
            {session.hasRole('admin') && (
              <Button id='entry-admin-cards' type='primary' block onClick={() => go('/packages/admin/pages/cards/index')}>
                服务卡管理
              </Button>
            )}
            {session.hasRole('admin') && (
              <Button id='entry-admin-stations' type='primary' block onClick={() => go('/packages/admin/pages/stations/index')}>
                站点与场次
              </Button>
            )}
            {session.hasRole('admin') && (
              <Button id='entry-admin-issue' block onClick={() => go('/packages/admin/pages/issue/index')}>
                发卡
              </Button>
            )}
            {session.hasRole('admin') && (
              <Button id='entry-admin-org' block onClick={() => go('/packages/admin/pages/org/index')}>
                行政区设置
              </Button>
            )}
            {session.hasRole('admin') && (
              <Button id='entry-admin-departments' block onClick={() => go('/packages/admin/pages/departments/index')}>
                部门管理
              </Button>
            )}
            {session.hasRole('admin') && (
              <Button id='entry-admin-people' block onClick={() => go('/packages/admin/pages/people/index')}>
                人员与邀请
              </Button>
            )}
            {session.hasRole('admin') && (
              <Button id='entry-admin-commissioners' block onClick={() => go('/packages/admin/pages/commissioners/index')}>
                特派员联系对象
              </Button>
            )}
            {session.hasRole('admin') && (
              <Button id='entry-admin-calendar' block onClick={() => go('/packages/admin/pages/calendar/index')}>
                节假日安排
              </Button>
            )}
            {(session.hasRole('admin') || session.hasRole('handler')) && (
              <Button id='entry-sync-flags' block onClick={() => go('/packages/admin/pages/sync-flags/index')}>
                离线核验异常
              </Button>
            )}
            {session.hasRole('admin') && (
              <Button id='entry-admin-audit' block onClick={() => go('/packages/admin/pages/audit/index')}>
                操作记录
              </Button>
            )}
            {user.roles.length === 0 && <Text className='hint'>您还没有服务卡。收到激活码后，请到「我的」激活服务卡。</Text>}
          </View>
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
