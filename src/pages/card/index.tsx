import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { QrImage } from '@/components/QrImage'
import { InfoRow } from '@/components/InfoRow'
import { MessagesPanel } from '@/components/MessagesPanel'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { workTabs } from '@/core/auth/home'
import { CARD_STATUS_LABELS } from '@/core/card/card.machine'
import { HOLDER_TYPE_LABELS } from '@/core/card/qualification'
import { maskCreditCode, maskPhone } from '@/core/common/mask'
import { useStores } from '@/stores'
import { STATUS_TAG } from '@/utils/labels'
import { onNetworkBack } from '@/utils/network'
import { useRoleTabs } from '@/utils/role-tabs'
import { dayLabel, shanghaiClock } from '@/utils/time'
import { shanghaiDate } from '@/core/calendar/shanghai-time'
import './index.scss'

const IS_H5 = process.env.TARO_ENV === 'h5'

function CardPage() {
  const { session, card } = useStores()
  const [visible, setVisible] = useState(true)
  const [desktopOpen, setDesktopOpen] = useState(false)
  const userId = session.user?.id ?? null
  const current = card.current
  const currentKey = current ? `${current.card.id}:${current.card.status}` : null
  useRoleTabs(2)

  useDidShow(() => {
    setVisible(true)
    if (session.user && !card.loading) void card.loadMine()
  })
  useDidHide(() => setVisible(false))

  // Load the cards whenever a (different) user is signed in.
  useEffect(() => {
    if (userId && !card.loaded && !card.loading) void card.loadMine()
  }, [userId, card])

  // The QR token and countdown run only while the page is on screen.
  useEffect(() => {
    if (!visible || !currentKey) return undefined
    card.startTokens()
    return () => card.stopTokens()
  }, [visible, currentKey, card])

  // Back online: an online code at once, not at the next 30-second turn.
  useEffect(() => {
    if (!visible) return undefined
    return onNetworkBack(() => card.refresh())
  }, [visible, card])

  if (!session.user) return <Page>{session.ready ? <SignInHint text='请先登录后查看服务卡' /> : null}</Page>
  // No card to show for the stations' and offices' people: this tab is their 消息.
  if (workTabs(session.user.roles)) {
    return (
      <Page>
        <MessagesPanel />
      </Page>
    )
  }

  if (!current) {
    return (
      <Page>
        {card.loaded && (
          <View className='section'>
            <EmptyState description={card.error ?? '您还没有服务卡'} />
            <View className='hint' style={{ textAlign: 'center', marginBottom: '12px' }}>
              收到管理员发放的激活码后，到「我的」页面激活服务卡。
            </View>
            <Button id='card-go-activate' type='primary' block onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })}>
              去激活服务卡
            </Button>
          </View>
        )}
      </Page>
    )
  }

  const { card: view, holder } = current
  const revealed = card.identityRevealed
  const copy = () => {
    if (card.token) void Taro.setClipboardData({ data: card.token.qr })
  }

  return (
    <Page>
      <View className='section card-face'>
        <View className='card-face-head'>
          <Text className='card-face-type'>{HOLDER_TYPE_LABELS[view.type]}</Text>
          <View id='card-status'>
            <Tag type={STATUS_TAG[view.status] ?? 'default'}>{CARD_STATUS_LABELS[view.status]}</Tag>
          </View>
        </View>
        <View className='card-face-name' id='card-holder-name'>
          {holder.name}
        </View>
        <View className='card-face-number mono'>编号 {view.number}</View>
      </View>

      {view.status === 'active' ? (
        <View className='section qr-box'>
          {card.token ? (
            <View className='qr-inner'>
              <View className={card.expired ? 'qr-expired' : ''}>
                <QrImage id='card-qr-image' text={card.token.qr} alt='服务卡二维码' />
              </View>
              <View className='qr-countdown' id='card-countdown'>
                {card.expired ? '二维码已失效，正在刷新…' : `${card.secondsLeft} 秒后${card.mode === 'offline' ? '更换' : '失效'}`}
              </View>
              <View className='hint'>请向工作人员出示此码，每30秒自动刷新，截图无效</View>
              {card.mode === 'offline' && (
                <View className='offline-note' id='card-offline-note'>
                  当前无网络，此码由本机生成，工作人员可离线核验{card.offlineUntil ? `（离线可用至${`${dayLabel(shanghaiDate(card.offlineUntil))} ${shanghaiClock(card.offlineUntil)}`}）` : ''}
                </View>
              )}
            </View>
          ) : (
            <View className='hint' id='card-token-hint'>
              {card.tokenError ?? '正在生成二维码…'}
            </View>
          )}
          {card.token && card.tokenError && <View className='error-text'>{card.tokenError}</View>}
          <Button id='card-qr-refresh' size='small' fill='none' onClick={() => card.refresh()}>
            刷新二维码
          </Button>
          {IS_H5 && card.token && (
            // For a desk that verifies on a computer: the code as text, folded away (it means nothing to a holder).
            <View className='qr-text-box'>
              <Text className='hint tap-text' id='card-desktop-toggle' {...tappable(() => setDesktopOpen(!desktopOpen), { expanded: desktopOpen })}>
                电脑端核验{desktopOpen ? ' ▾' : ' ›'}
              </Text>
              <View className={desktopOpen ? '' : 'qr-text-folded'}>
                <View className='hint'>复制以下内容粘贴到核验页面</View>
                <Text className='qr-text mono' id='card-qr-text' userSelect>
                  {card.token.qr}
                </Text>
                <Button id='card-qr-copy' size='small' onClick={copy}>
                  复制
                </Button>
              </View>
            </View>
          )}
        </View>
      ) : (
        <View className='section'>
          <Text className='hint'>
            {view.status === 'pending' ? '服务卡尚未激活，激活后可出示二维码。' : `服务卡${CARD_STATUS_LABELS[view.status]}，暂不能出示二维码。`}
          </Text>
        </View>
      )}

      <View className='section' id='card-identity' {...tappable(() => card.toggleIdentity(), { pressed: revealed })}>
        <View className='section-title'>
          身份信息 <Text className='hint'>{revealed ? '（点击隐藏）' : '（点击显示）'}</Text>
        </View>
        {holder.creditCode && <InfoRow label='统一社会信用代码'>{revealed ? holder.creditCode : maskCreditCode(holder.creditCode)}</InfoRow>}
        <InfoRow label='联系人'>{holder.contact.name}</InfoRow>
        <InfoRow label='联系电话'>{revealed ? holder.contact.phone : maskPhone(holder.contact.phone)}</InfoRow>
      </View>
    </Page>
  )
}

export default observer(CardPage)
