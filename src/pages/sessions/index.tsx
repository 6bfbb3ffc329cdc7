import { Tag } from '@nutui/nutui-react-taro'
import { Map, Text, View, type MapProps } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { HomeGrid } from '@/components/HomeGrid'
import { SignInHint } from '@/components/SignInHint'
import { SlotButton } from '@/components/SlotButton'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { homeEntries, workTabs } from '@/core/auth/home'
import type { SessionView } from '@/core/station/station.schema'
import { useStores } from '@/stores'
import { SESSION_KIND_LABELS } from '@/core/station/session.kinds'
import { dayLabel, distanceText } from '@/utils/time'
import './index.scss'
import { BOOKINGS_PAGE } from '@/utils/links'
import { useRoleTabs } from '@/utils/role-tabs'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

const SessionCard = observer(function SessionCard({ session, now, onPick }: { session: SessionView; now: number; onPick: (slotId: string) => void }) {
  const cancelled = session.status === 'cancelled'
  return (
    <View id={`session-${session.id}`} className={`session-card ${cancelled ? 'session-cancelled' : ''}`}>
      <View className='session-head'>
        <Text className='session-name'>{session.station.name}</Text>
        {cancelled ? <Tag type='danger'>已取消</Tag> : <Tag type='primary'>{SESSION_KIND_LABELS[session.kind]}</Tag>}
      </View>
      <View className='session-meta'>
        {cancelled ? `${SESSION_KIND_LABELS[session.kind]} · ` : ''}
        {session.start}–{session.end}
        {session.distanceKm !== undefined ? ` · 距您${distanceText(session.distanceKm)}` : ''} · {session.station.address}
      </View>
      {cancelled ? (
        <View className='hint'>本场次已取消{session.cancelReason ? `：${session.cancelReason}` : ''}，不能预约。</View>
      ) : (
        <View className='slots'>
          {session.slots.map((slot) => (
            <SlotButton key={slot.id} slot={slot} now={now} onPick={() => onPick(slot.id)} />
          ))}
        </View>
      )}
    </View>
  )
})

const MapPanel = observer(function MapPanel() {
  const { sessions } = useStores()
  const stations = sessions.stations
  const selected = sessions.selectedStation
  if (!selected) return <View className='section hint'>暂无服务站点</View>
  const navigate = () =>
    void Taro.openLocation({ latitude: selected.latitude, longitude: selected.longitude, name: selected.name, address: selected.address, scale: 16 })
  return (
    <View className='section' id='sessions-map'>
      {IS_WEAPP && (
        <Map
          className='map'
          latitude={selected.latitude}
          longitude={selected.longitude}
          scale={13}
          // No iconPath: WeChat draws its default marker (the prop is typed as required, hence the cast).
          markers={stations.map((station, index) => ({
            id: index,
            latitude: station.latitude,
            longitude: station.longitude,
            title: station.name,
            width: 28,
            height: 36,
            callout: { content: station.name, display: 'ALWAYS', padding: 6, borderRadius: 6, fontSize: 12, color: '#1f2329', bgColor: '#ffffff', textAlign: 'center' },
          })) as unknown as MapProps['markers']}
          onMarkerTap={(e) => {
            const station = stations[Number((e.detail as { markerId?: number }).markerId)]
            if (station) sessions.selectStation(station.id)
          }}
          onError={() => {}}
        />
      )}
      <View className='btn-wrap' style={{ marginBottom: '8px' }}>
        {stations.map((station) => (
          <View
            key={station.id}
            id={`map-station-${station.id}`}
            className={`chip ${selected.id === station.id ? 'chip-active' : ''}`}
            {...tappable(() => sessions.selectStation(station.id), { pressed: selected.id === station.id })}
          >
            {station.name}
          </View>
        ))}
      </View>
      <View className='row'>
        <Text className='row-label'>地址</Text>
        <Text className='row-value'>{selected.address}</Text>
      </View>
      {!IS_WEAPP && (
        <View className='row'>
          <Text className='row-label'>坐标</Text>
          <Text className='row-value mono' id='map-coordinates'>
            {selected.latitude.toFixed(6)}, {selected.longitude.toFixed(6)}
          </Text>
        </View>
      )}
      {selected.distanceKm !== undefined && (
        <View className='row'>
          <Text className='row-label'>距离</Text>
          <Text className='row-value'>{distanceText(selected.distanceKm)}</Text>
        </View>
      )}
      <View className='row'>
        <Text className='row-label'>联系电话</Text>
        <Text className='row-value'>{selected.contactPhone}</Text>
      </View>
      {IS_WEAPP ? (
        <Button id='map-navigate' size='small' type='primary' onClick={navigate}>
          导航
        </Button>
      ) : (
        <View className='hint'>在微信小程序中可一键导航到站点。</View>
      )}
    </View>
  )
})

function SessionsPage() {
  const { session, sessions } = useStores()
  const userId = session.user?.id ?? null
  useRoleTabs(1)

  useDidShow(() => {
    if (session.user && !sessions.loading) void sessions.load()
  })
  useEffect(() => {
    if (userId && !sessions.loaded && !sessions.loading) void sessions.load()
  }, [userId, sessions])

  if (!session.user) return <Page>{session.ready ? <SignInHint text='请先登录后预约服务' /> : null}</Page>
  if (workTabs(session.user.roles)) {
    return (
      <Page id='workbench'>
        <View className='section'>
          <View className='section-title'>工作台</View>
          <HomeGrid entries={homeEntries(session.user.roles)} prefix='work-' />
        </View>
      </Page>
    )
  }
  const holder = session.hasRole('holder')

  const locate = async () => {
    sessions.setLocating(true)
    try {
      const res = await Taro.getLocation({ type: 'gcj02' })
      sessions.setLocating(false)
      await sessions.useLocation({ latitude: res.latitude, longitude: res.longitude })
    } catch {
      sessions.setLocating(false, '未能获取位置，已按日期排列')
    }
  }

  const pick = async (slotId: string) => {
    // Someone without a card hears so before the form, not as a refusal after filling it in.
    if (!holder) {
      const { confirm } = await Taro.showModal({ title: '预约需要服务卡', content: '服务卡由管理员发放。收到激活码后，在「我的」激活服务卡即可预约。', confirmText: '去激活' })
      if (confirm) void Taro.switchTab({ url: '/pages/mine/index' })
      return
    }
    // The booking page opens the form for the slot it is given.
    void Taro.navigateTo({ url: `/packages/holder/pages/sessions/book?slotId=${slotId}` })
  }

  const now = Date.now()
  const days = sessions.days

  return (
    <Page>
      <View className='toolbar'>
        {IS_WEAPP && (
          <Button id='sessions-near' size='small' type={sessions.near ? 'primary' : 'default'} loading={sessions.locating} onClick={() => void locate()}>
            附近优先
          </Button>
        )}
        <Button id='sessions-map-toggle' size='small' onClick={() => sessions.toggleMap()}>
          {sessions.showMap ? '列表' : '地图'}
        </Button>
        <Button id='entry-home-visit' size='small' onClick={() => void Taro.navigateTo({ url: '/packages/holder/pages/sessions/home-visit' })}>
          申请上门服务
        </Button>
        <Button id='sessions-my-bookings' size='small' onClick={() => void Taro.navigateTo({ url: BOOKINGS_PAGE })}>
          我的预约
        </Button>
      </View>
      {sessions.locationError && <View className='hint'>{sessions.locationError}</View>}
      {sessions.error && (
        <ErrorNotice error={sessions.error} id='sessions-error' onRetry={() => void sessions.load()} retrying={sessions.loading} />
      )}

      {sessions.showMap && <MapPanel />}

      <View id='sessions-list'>
        {sessions.loaded && days.length === 0 && !sessions.error && (
          <View className='section'>
            <EmptyState description='近期暂无可预约的场次' />
            <View className='hint' style={{ textAlign: 'center' }}>
              也可以申请工作人员上门服务。
            </View>
          </View>
        )}
        {days.map((day) => (
          <View key={day.date} id={`sessions-day-${day.date}`}>
            <View className='day-title'>{dayLabel(day.date)}</View>
            {day.sessions.map((item) => (
              <SessionCard key={item.id} session={item} now={now} onPick={(slotId) => void pick(slotId)} />
            ))}
          </View>
        ))}
      </View>
    </Page>
  )
}

export default observer(SessionsPage)
