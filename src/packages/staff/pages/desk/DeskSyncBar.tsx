import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import type { DeskStore } from '@/stores/desk.store'
import { SYNC_KIND_LABELS } from '@/core/sync/sync.labels'
import { dayLabel, shanghaiClock } from '@/utils/time'
import { shanghaiDate } from '@/core/calendar/shanghai-time'

const when = (iso: string) => `${dayLabel(shanghaiDate(iso))} ${shanghaiClock(iso)}`

/**
 * The desk's network and queue at a glance (issue 14): 在线/离线, how many actions wait, when it last synced, the
 * session's offline kit, and what the backend refused or flagged (kept on screen, never dropped silently).
 */
export const DeskSyncBar = observer(function DeskSyncBar({ desk }: { desk: DeskStore }) {
  const { queued } = desk.queueState
  return (
    <View className={`section desk-sync ${desk.online ? '' : 'desk-sync-offline'}`} id='desk-sync'>
      <View className='roster-head'>
        <Text className='desk-sync-state' id='desk-network'>
          {desk.online ? '在线' : '离线'}
        </Text>
        <Text id='desk-queued'>待同步 {queued} 条</Text>
        <Button id='desk-sync-now' size='small' loading={desk.syncing} disabled={queued === 0} onClick={() => void desk.sync()}>
          立即同步
        </Button>
      </View>
      <View className='roster-meta' id='desk-last-sync'>
        {desk.lastSyncAt ? `上次同步 ${when(desk.lastSyncAt)}` : '尚未同步过'}
        {!desk.online && ' · 网络恢复后自动同步'}
      </View>
      {desk.sessionId && (
        <View className='roster-head' style={{ marginTop: '6px' }}>
          <Text className='roster-meta' id='desk-kit'>
            {desk.kit ? `离线包已下载（${when(desk.kit.issuedAt)}）` : '本场次离线包未下载'}
          </Text>
          {desk.online && (
            <Button id='desk-kit-download' size='small' loading={desk.downloadingKit} onClick={() => void desk.downloadKit()}>
              {desk.kit ? '更新离线包' : '下载离线包'}
            </Button>
          )}
        </View>
      )}
      <ErrorNotice error={desk.kitError} id='desk-kit-error' />
      <ErrorNotice error={desk.syncError} id='desk-sync-error' onRetry={() => void desk.sync()} />
      {desk.problemsInQueue.length > 0 && (
        <View id='desk-queue-issues' style={{ marginTop: '6px' }}>
          {desk.problemsInQueue.map((action) => (
            <View className='roster-meta' key={action.id}>
              {action.state === 'refused' ? '未能同步' : '已记录，待管理员复核'}：{SYNC_KIND_LABELS[action.kind]}
              {action.local?.holderName ? `（${action.local.holderName}）` : ''} — {action.message}
            </View>
          ))}
        </View>
      )}
    </View>
  )
})
