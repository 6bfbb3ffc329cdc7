import { Tag } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { DateField } from '@/components/DateField'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { FormField } from '@/components/FormField'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { SESSION_KIND_LABELS, SESSION_KINDS, type SessionView } from '@/core/station/station.schema'
import { STATION_LIMITS } from '@/core/station/station.limits'
import { useStores } from '@/stores'
import { StationsAdminStore, type WindowDraft } from '@/stores/stations-admin.store'
import { dayLabel, shanghaiToday, weekdayName } from '@/utils/time'
import './index.scss'

function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <View className='field-error' id={id}>
      {text}
    </View>
  ) : null
}

const StationForm = observer(function StationForm({ store }: { store: StationsAdminStore }) {
  const d = store.station
  const e = store.stationErrors
  return (
    <View className='section' id='station-form'>
      <View className='section-title'>{d.id ? '编辑站点' : '新建站点'}</View>
      <FormField id='station-name' label='站点名称' value={d.name} maxlength={STATION_LIMITS.name.max} error={e.name} onInput={(v) => store.setStation('name', v)} />
      <FormField id='station-area' label='所属区域' placeholder='如：鲸园街道' value={d.area} maxlength={STATION_LIMITS.area.max} error={e.area} onInput={(v) => store.setStation('area', v)} />
      <FormField id='station-address' label='地址' value={d.address} maxlength={STATION_LIMITS.address.max} error={e.address} onInput={(v) => store.setStation('address', v)} />
      <View className='form-row'>
        <FormField id='station-latitude' label='纬度' placeholder='37.5131' value={d.latitude} maxlength={20} error={e.latitude} onInput={(v) => store.setStation('latitude', v)} />
        <FormField id='station-longitude' label='经度' placeholder='122.1206' value={d.longitude} maxlength={20} error={e.longitude} onInput={(v) => store.setStation('longitude', v)} />
      </View>
      <FormField id='station-phone' label='联系电话' value={d.contactPhone} maxlength={13} error={e.contactPhone} onInput={(v) => store.setStation('contactPhone', v)} />
      <ErrorNotice id='station-error' error={store.stationError} />
      <View className='btn-wrap' style={{ marginTop: '8px' }}>
        <Button id='station-submit' type='primary' size='small' loading={store.savingStation} onClick={() => void store.saveStation()}>
          保存站点
        </Button>
        <Button size='small' onClick={() => store.closeStationForm()}>
          取消
        </Button>
      </View>
    </View>
  )
})

/** Time window, slot length, capacity, departments and staff: shared by the fixed-day and ad-hoc forms. */
const WindowFields = observer(function WindowFields(props: {
  store: StationsAdminStore
  form: 'fixed' | 'adhoc'
  draft: WindowDraft
  errors: Record<string, string>
  set: (field: 'start' | 'end' | 'slotMinutes' | 'capacity', value: string) => void
}) {
  const { store, form, draft, errors, set } = props
  return (
    <View>
      <View className='form-row'>
        <FormField id={`${form}-start`} label='开始时间' placeholder='09:00' value={draft.start} maxlength={5} error={errors.start} onInput={(v) => set('start', v)} />
        <FormField id={`${form}-end`} label='结束时间' placeholder='11:30' value={draft.end} maxlength={5} error={errors.end} onInput={(v) => set('end', v)} />
      </View>
      <View className='form-row'>
        <FormField id={`${form}-slot-minutes`} label='时段长度（分钟）' type='number' value={draft.slotMinutes} maxlength={3} error={errors.slotMinutes} onInput={(v) => set('slotMinutes', v)} />
        <FormField id={`${form}-capacity`} label='每时段名额' type='number' value={draft.capacity} maxlength={3} error={errors.capacity} onInput={(v) => set('capacity', v)} />
      </View>
      {store.directory.departments.length > 0 && (
        <View className='field'>
          <View className='field-label'>参加部门</View>
          <View className='btn-wrap'>
            {store.directory.departments.map((dept) => (
              <View
                key={dept.id}
                id={`${form}-dept-${dept.id}`}
                className={`chip ${draft.departmentIds.includes(dept.id) ? 'chip-active' : ''}`}
                {...tappable(() => store.toggle(form, 'departmentIds', dept.id), { pressed: draft.departmentIds.includes(dept.id) })}
              >
                {dept.name}
              </View>
            ))}
          </View>
        </View>
      )}
      <View className='field'>
        <View className='field-label'>值守工作人员</View>
        <View className='btn-wrap'>
          {store.directory.staff.map((person) => (
            <View
              key={person.id}
              id={`${form}-staff-${person.id}`}
              className={`chip ${draft.staffIds.includes(person.id) ? 'chip-active' : ''}`}
              {...tappable(() => store.toggle(form, 'staffIds', person.id), { pressed: draft.staffIds.includes(person.id) })}
            >
              {person.name}
              {person.departmentId ? `·${store.departmentName(person.departmentId)}` : ''}
            </View>
          ))}
          {store.directory.staff.length === 0 && <Text className='hint'>暂无工作人员名录</Text>}
        </View>
      </View>
    </View>
  )
})

const FixedDayForm = observer(function FixedDayForm({ store }: { store: StationsAdminStore }) {
  const d = store.fixed
  const e = store.fixedErrors
  return (
    <View className='section' id='fixed-form'>
      <View className='section-title'>固定服务日</View>
      <View className='field'>
        <View className='field-label'>每周</View>
        <View className='btn-wrap'>
          {[1, 2, 3, 4, 5, 6, 7].map((day) => (
            <View key={day} id={`fixed-weekday-${day}`} className={`chip ${d.weekday === day ? 'chip-active' : ''}`} {...tappable(() => store.setFixed('weekday', day), { pressed: d.weekday === day })}>
              {weekdayName(day)}
            </View>
          ))}
        </View>
        <FieldError id='fixed-weekday-error' text={e.weekday} />
      </View>
      <WindowFields store={store} form='fixed' draft={d} errors={e} set={(field, value) => store.setFixed(field, value)} />
      <View className='form-row'>
        <DateField id='fixed-valid-from' label='有效期自' value={d.validFrom} start={shanghaiToday()} error={e.validFrom} onChange={(v) => store.setFixed('validFrom', v)} />
        <DateField id='fixed-valid-to' label='有效期至' value={d.validTo} start={d.validFrom || shanghaiToday()} error={e.validTo} onChange={(v) => store.setFixed('validTo', v)} />
      </View>
      <View className='hint'>保存后自动生成未来8周的场次，法定节假日不安排（调休上班日照常）。</View>
      <ErrorNotice id='fixed-error' error={store.fixedError} />
      {store.fixedResult && (
        <View className='ok-text' id='fixed-result'>
          已生成 {store.fixedResult.generated} 个场次
        </View>
      )}
      <View style={{ marginTop: '8px' }}>
        <Button id='fixed-submit' type='primary' size='small' loading={store.savingFixed} onClick={() => void store.addFixedDay()}>
          添加固定服务日
        </Button>
      </View>
    </View>
  )
})

const AdHocForm = observer(function AdHocForm({ store }: { store: StationsAdminStore }) {
  const d = store.adhoc
  const e = store.adhocErrors
  return (
    <View className='section' id='adhoc-form'>
      <View className='section-title'>临时场次</View>
      <View className='field'>
        <View className='field-label'>类型</View>
        <View className='btn-wrap'>
          {SESSION_KINDS.map((kind) => (
            <View key={kind} id={`adhoc-kind-${kind}`} className={`chip ${d.kind === kind ? 'chip-active' : ''}`} {...tappable(() => store.setAdhoc('kind', kind), { pressed: d.kind === kind })}>
              {SESSION_KIND_LABELS[kind]}
            </View>
          ))}
        </View>
      </View>
      <DateField id='adhoc-date' label='日期' value={d.date} start={shanghaiToday()} error={e.date} onChange={(v) => store.setAdhoc('date', v)} />
      <WindowFields store={store} form='adhoc' draft={d} errors={e} set={(field, value) => store.setAdhoc(field, value)} />
      <ErrorNotice id='adhoc-error' error={store.adhocError} />
      {store.adhocResult && (
        <View className='ok-text' id='adhoc-result'>
          已创建 {dayLabel(store.adhocResult.date)} {store.adhocResult.start}–{store.adhocResult.end}，共 {store.adhocResult.slots.length} 个时段
        </View>
      )}
      <View style={{ marginTop: '8px' }}>
        <Button id='adhoc-submit' type='primary' size='small' loading={store.savingAdhoc} onClick={() => void store.createSession()}>
          创建场次
        </Button>
      </View>
    </View>
  )
})

/** 取消场次 notifies everyone booked: asked once more, with how many, before it is sent. */
async function confirmCancel(store: StationsAdminStore, session: SessionView, booked: number): Promise<void> {
  if (!store.cancelInput(session.id)) return
  const { confirm } = await Taro.showModal({
    title: '取消场次',
    content: `${dayLabel(session.date)} ${session.start}–${session.end} 的场次将取消${booked ? `，并通知已预约的${booked}人` : ''}。取消后不能恢复。`,
    confirmText: '取消场次',
    confirmColor: '#d4380d',
    cancelText: '暂不取消',
  })
  if (confirm) await store.cancelSession(session.id)
}

const SessionLine = observer(function SessionLine({ store, session }: { store: StationsAdminStore; session: SessionView }) {
  const booked = session.slots.reduce((n, s) => n + s.booked, 0)
  const capacity = session.slots.reduce((n, s) => n + s.capacity, 0)
  const notified = store.cancelled[session.id]
  return (
    <View className='session-line' id={`admin-session-${session.id}`}>
      <View className='row'>
        <Text>
          {dayLabel(session.date)} {session.start}–{session.end}
        </Text>
        {session.status === 'cancelled' ? <Tag type='danger'>已取消</Tag> : <Tag type='primary'>{SESSION_KIND_LABELS[session.kind]}</Tag>}
      </View>
      <View className='hint'>
        已约 {booked}/{capacity} · 值守 {session.staffIds.map((id) => store.staffName(id)).join('、') || '未排班'}
        {session.fixedDayId ? ' · 固定服务日' : ''}
      </View>
      {session.status === 'cancelled' && session.cancelReason && <View className='hint'>取消原因：{session.cancelReason}</View>}
      {notified !== undefined && (
        <View className='ok-text' id={`session-cancel-result-${session.id}`}>
          已取消场次，已通知 {notified} 个预约
        </View>
      )}
      {session.status === 'scheduled' && (
        <View className='form-row' style={{ alignItems: 'center', marginTop: '4px' }}>
          <Input
            id={`session-cancel-reason-${session.id}`}
            className='field-input'
            placeholder='取消原因（将通知已预约的持卡人）'
            maxlength={STATION_LIMITS.cancelReason.max}
            value={store.cancelReasons[session.id] ?? ''}
            onInput={(e) => store.setCancelReason(session.id, e.detail.value)}
          />
          <Button id={`session-cancel-${session.id}`} size='small' type='danger' fill='outline' loading={store.cancelling === session.id} onClick={() => void confirmCancel(store, session, booked)}>
            取消场次
          </Button>
        </View>
      )}
      <ErrorNotice id={`session-cancel-error-${session.id}`} error={store.cancelErrors[session.id] ?? null} />
    </View>
  )
})

function StationsPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new StationsAdminStore(api))
  const isAdmin = session.hasRole('admin')

  useDidShow(() => {
    if (isAdmin && !store.loading) void store.load()
  })
  useEffect(() => {
    if (isAdmin && !store.loaded && !store.loading) void store.load()
  }, [isAdmin, store])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!isAdmin) return <Page><SignInHint text='站点与场次管理仅限管理员使用' /></Page>

  const selected = store.selected
  return (
    <Page>
      <View className='section'>
        <View className='section-title'>服务站点</View>
        <ErrorNotice id='stations-error' error={store.error} />
        {store.loading && store.stations.length === 0 && <View className='hint'>正在加载…</View>}
        {!store.loading && store.stations.length === 0 && !store.error && <EmptyState description='还没有站点' />}
        {store.stations.map((station) => (
          <View
            key={station.id}
            id={`station-${station.id}`}
            className={`station-item ${store.selectedId === station.id ? 'station-item-active' : ''}`}
            {...tappable(() => void store.select(station.id), { pressed: store.selectedId === station.id })}
          >
            <View className='row'>
              <Text className='station-item-name'>{station.name}</Text>
              <Text className='hint'>{station.area}</Text>
            </View>
            <View className='hint'>
              {station.address} · {station.contactPhone}
            </View>
          </View>
        ))}
        <View className='btn-wrap' style={{ marginTop: '8px' }}>
          <Button id='station-new' size='small' type='primary' onClick={() => store.newStation()}>
            新建站点
          </Button>
          {selected && (
            <Button id='station-edit' size='small' onClick={() => store.editStation(selected)}>
              编辑所选站点
            </Button>
          )}
        </View>
      </View>

      {store.showStationForm && <StationForm store={store} />}

      {selected && (
        <View>
          <FixedDayForm store={store} />
          <AdHocForm store={store} />
          <View className='section' id='admin-sessions'>
            <View className='section-title'>{selected.name} · 近期场次</View>
            {store.sessionsLoading && store.sessions.length === 0 && <View className='hint'>正在加载…</View>}
            {!store.sessionsLoading && store.sessions.length === 0 && <View className='hint'>暂无场次</View>}
            {store.sessions.map((item) => (
              <SessionLine key={item.id} store={store} session={item} />
            ))}
          </View>
        </View>
      )}
    </Page>
  )
}

export default observer(StationsPage)
