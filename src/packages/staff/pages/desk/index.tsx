import { Tag } from '@nutui/nutui-react-taro'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { InfoRow } from '@/components/InfoRow'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { BOOKING_STATUS_LABELS } from '@/core/booking/booking.machine'
import type { RosterBookingView } from '@/core/booking/booking.schema'
import { shanghaiInstant } from '@/core/calendar/shanghai-time'
import { useStores } from '@/stores'
import { DeskStore } from '@/stores/desk.store'
import { SESSION_KIND_LABELS } from '@/core/station/session.kinds'
import { BOOKING_TAG } from '@/utils/labels'
import { watchNetwork } from '@/utils/network'
import { dayLabel, shanghaiClock, timeRange } from '@/utils/time'
import { DeskProblemForm } from './DeskProblemForm'
import { DeskSyncBar } from './DeskSyncBar'
import './index.scss'

const IS_H5 = process.env.TARO_ENV === 'h5'

const RosterItem = observer(function RosterItem({ desk, booking, ended }: { desk: DeskStore; booking: RosterBookingView; ended: boolean }) {
  const error = desk.noShowErrors[booking.id]
  return (
    <View className='roster-item' id={`roster-${booking.id}`}>
      <View className='roster-head'>
        <Text className='roster-name'>{booking.holderName}</Text>
        <View id={`roster-status-${booking.id}`}>
          <Tag type={BOOKING_TAG[booking.status] ?? 'default'}>{BOOKING_STATUS_LABELS[booking.status]}</Tag>
        </View>
      </View>
      <View className='roster-meta'>
        {timeRange(booking.start, booking.end)} · {booking.topic}
      </View>
      {booking.contactName && (
        <View className='roster-meta'>
          联系人 {booking.contactName} {booking.contactPhone}
        </View>
      )}
      {booking.problemText && <View className='roster-meta'>提前提交的问题：{booking.problemText}</View>}
      <ErrorNotice error={error} id={`roster-error-${booking.id}`} />
      {booking.status === 'confirmed' && ended && (
        <View style={{ marginTop: '6px' }}>
          <Button id={`roster-noshow-${booking.id}`} size='small' loading={desk.marking === booking.id} onClick={() => void desk.markNoShow(booking.id)}>
            标记未到
          </Button>
        </View>
      )}
    </View>
  )
})

function DeskPage() {
  const { session, api, uploader } = useStores()
  const [desk] = useState(() => new DeskStore(api, uploader, () => session.user))
  const [recording, setRecording] = useState(false)
  const allowed = session.hasRole('staff') || session.hasRole('admin')

  // The network comes back: the queue syncs by itself.
  useEffect(() => watchNetwork((online) => desk.setOnline(online)), [desk])

  useDidShow(() => {
    if (allowed && !desk.loading) void desk.load()
  })
  useEffect(() => {
    if (allowed && !desk.loaded && !desk.loading) void desk.load()
  }, [allowed, desk])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='服务台仅限流动站工作人员使用' /></Page>

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      desk.setInput(res.result)
      await checkIn(res.result)
    } catch {
      // scanner closed: nothing to do
    }
  }

  const current = desk.session
  const ended = current ? Date.now() > shanghaiInstant(current.date, current.end).getTime() : false
  const counts = desk.counts
  const result = desk.checkInResult
  const offline = desk.offlineCheckIn
  const failure = desk.checkInError
  const holder = desk.problemHolder
  const checkIn = async (qr?: string) => {
    setRecording(false)
    await desk.checkIn(qr)
  }

  return (
    <Page>
      <DeskSyncBar desk={desk} />
      <View className='section'>
        <View className='section-title'>{desk.date ? `${dayLabel(desk.date)} 的场次` : '今日场次'}</View>
        <ErrorNotice error={desk.error} id='desk-error' onRetry={() => void desk.load()} retrying={desk.loading} />
        {desk.loaded && desk.sessions.length === 0 && desk.online && <EmptyState description='今天没有您值守的场次' />}
        {desk.loaded && desk.sessions.length === 0 && !desk.online && (
          <View className='hint' id='desk-no-kit'>
            当前无网络，本机没有今天场次的离线包。请联网后打开场次，离线包会自动下载。
          </View>
        )}
        {desk.sessions.map((item) => (
          <View
            key={item.id}
            id={`desk-session-${item.id}`}
            className={`desk-session ${desk.sessionId === item.id ? 'desk-session-active' : ''}`}
            {...tappable(() => void desk.select(item.id), { pressed: desk.sessionId === item.id })}
          >
            <View className='roster-head'>
              <Text className='desk-session-name'>{item.station.name}</Text>
              {item.status === 'cancelled' ? <Tag type='danger'>已取消</Tag> : <Tag type='primary'>{SESSION_KIND_LABELS[item.kind]}</Tag>}
            </View>
            <View className='roster-meta'>
              {item.start}–{item.end} · 已约 {item.slots.reduce((n, s) => n + s.booked, 0)}/{item.slots.reduce((n, s) => n + s.capacity, 0)}
            </View>
          </View>
        ))}
      </View>

      {current && (
        <View className='section'>
          <View className='section-title'>签到</View>
          {IS_H5 ? (
            <View>
              <Textarea
                id='desk-checkin-input'
                className='field-textarea mono'
                placeholder='粘贴服务卡二维码内容'
                maxlength={512}
                value={desk.input}
                onInput={(e) => desk.setInput(e.detail.value)}
              />
              <View style={{ marginTop: '10px' }}>
                <Button id='desk-checkin-submit' type='primary' block loading={desk.checkingIn} onClick={() => void checkIn()}>
                  签到
                </Button>
              </View>
            </View>
          ) : (
            <Button id='desk-checkin-scan' type='primary' block loading={desk.checkingIn} onClick={() => void scan()}>
              扫码签到
            </Button>
          )}
          <View className='hint' style={{ marginTop: '6px' }}>
            有预约的签到预约；没有预约的持卡人登记为现场服务。
          </View>
        </View>
      )}

      {result && (
        <View className='section checkin-ok' id='desk-checkin-result'>
          <View className={`checkin-banner ${result.booking ? 'checkin-banner-ok' : 'checkin-banner-walkin'}`}>
            {result.booking ? '✓ 预约签到' : '✓ 现场登记'}
          </View>
          {result.alreadyCheckedIn && (
            <View className='hint' id='desk-checkin-already' style={{ margin: '6px 0' }}>
              此前已签到（{shanghaiClock(result.visit.checkedInAt)}），本次未重复登记。
            </View>
          )}
          <InfoRow label='持卡主体'>{result.holder.name}</InfoRow>
          <InfoRow label='卡号'>{result.card.number}</InfoRow>
          {result.booking ? (
            <View>
              <InfoRow label='预约时段'>{timeRange(result.booking.start, result.booking.end)}</InfoRow>
              <InfoRow label='办理事项'>{result.booking.topic}</InfoRow>
            </View>
          ) : (
            <InfoRow label='说明'>无预约，已登记为现场服务</InfoRow>
          )}
          <InfoRow label='签到时间'>{shanghaiClock(result.visit.checkedInAt)}</InfoRow>
        </View>
      )}

      {offline && (
        <View className='section checkin-ok' id='desk-checkin-result'>
          <View className={`checkin-banner ${offline.booking ? 'checkin-banner-ok' : 'checkin-banner-walkin'}`}>
            {offline.booking ? '✓ 预约签到' : '✓ 现场登记'}（离线核验，待同步）
          </View>
          <InfoRow label='持卡主体'>{offline.holderName ?? '持卡人（联网同步后显示名称）'}</InfoRow>
          {offline.booking ? (
            <View>
              <InfoRow label='预约时段'>{timeRange(offline.booking.start, offline.booking.end)}</InfoRow>
              <InfoRow label='办理事项'>{offline.booking.topic}</InfoRow>
            </View>
          ) : (
            <InfoRow label='说明'>无预约，已登记为现场服务</InfoRow>
          )}
        </View>
      )}

      {holder && !recording && (
        <View className='section'>
          <Button id='desk-problem-open' block onClick={() => setRecording(true)}>
            为「{holder.holderName}」登记诉求
          </Button>
        </View>
      )}
      {holder && recording && <DeskProblemForm desk={desk} holderName={holder.holderName} onDone={() => setRecording(false)} />}

      {failure && (
        <View className='section checkin-fail' id='desk-checkin-error'>
          <View className='checkin-banner checkin-banner-fail'>✕ 未能签到</View>
          <ErrorNotice error={failure} id='desk-checkin-error-message' />
        </View>
      )}

      {current && (
        <View className='section' id='desk-roster'>
          <View className='section-title'>
            {current.station.name} · {current.start}–{current.end}
          </View>
          <View className='counts' id='desk-counts'>
            <View>
              <View className='count-num' id='desk-count-booked'>
                {counts.booked}/{counts.capacity}
              </View>
              <View className='count-label'>已约/名额</View>
            </View>
            <View>
              <View className='count-num' id='desk-count-checked-in'>
                {counts.checkedIn}
              </View>
              <View className='count-label'>预约签到</View>
            </View>
            <View>
              <View className='count-num' id='desk-count-walk-ins'>
                {counts.walkIns}
              </View>
              <View className='count-label'>现场登记</View>
            </View>
            <View>
              <View className='count-num'>{counts.noShows}</View>
              <View className='count-label'>未到</View>
            </View>
          </View>
          {current.slots.map((slot) => (
            <View className='row' key={slot.id} id={`desk-slot-${slot.id}`}>
              <Text className='row-label'>{timeRange(slot.start, slot.end)}</Text>
              <Text className='row-value'>
                已约 {slot.booked}/{slot.capacity}
              </Text>
            </View>
          ))}
          <ErrorNotice error={desk.rosterError} id='desk-roster-error' onRetry={() => void desk.loadRoster()} retrying={desk.rosterLoading} />
          <View className='section-title' style={{ marginTop: '10px' }}>
            预约名单
          </View>
          {desk.roster && desk.bookings.length === 0 && <View className='hint'>本场次暂无预约</View>}
          {desk.bookings.map((booking) => (
            <RosterItem key={booking.id} desk={desk} booking={booking} ended={ended} />
          ))}
          {!ended && desk.bookings.some((b) => b.status === 'confirmed') && (
            <View className='hint' style={{ marginTop: '6px' }}>
              场次结束后可将未到的预约标记为未到。
            </View>
          )}
          {desk.roster && desk.roster.visits.some((v) => v.walkIn) && (
            <View>
              <View className='section-title' style={{ marginTop: '10px' }}>
                现场登记
              </View>
              {desk.roster.visits
                .filter((v) => v.walkIn)
                .map((visit) => (
                  <View className='roster-item' key={visit.id} id={`visit-${visit.id}`}>
                    <Text className='roster-name'>{visit.holderName}</Text>
                    <Text className='roster-meta'> · {shanghaiClock(visit.checkedInAt)} 登记</Text>
                  </View>
                ))}
            </View>
          )}
        </View>
      )}
    </Page>
  )
}

export default observer(DeskPage)
