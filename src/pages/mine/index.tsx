import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { ElderlySwitch } from '@/components/ElderlySwitch'
import { ErrorNotice } from '@/components/ErrorNotice'
import { InfoRow } from '@/components/InfoRow'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { HOLDER_TYPE_LABELS } from '@/core/card/qualification'
import { useStores } from '@/stores'
import { readScan, RedeemStore } from '@/stores/redeem.store'
import { rolesText } from '@/utils/labels'
import { useRoleTabs } from '@/utils/role-tabs'
import { BOOKINGS_PAGE } from '@/utils/links'

function MinePage() {
  const { api, session, activation } = useStores()
  const [redeem] = useState(() => new RedeemStore(api, () => session.reload()))
  const [scanText, setScanText] = useState('')
  useRoleTabs()
  const user = session.user
  // No camera in the browser (H5): the QR text is pasted instead.
  const isH5 = process.env.TARO_ENV === 'h5'
  if (!user)
    return (
      <Page>
        {session.ready ? <SignInHint /> : null}
        <ElderlySwitch />
      </Page>
    )

  const activate = async () => {
    if (await activation.activate()) void Taro.showToast({ title: '服务卡已激活', icon: 'success' })
  }

  const acceptInvite = async (inviteCode?: string) => {
    const redeemed = await redeem.redeem(inviteCode)
    if (redeemed) void Taro.showToast({ title: `已加入：${rolesText(redeemed.roles)}`, icon: 'none', duration: 2500 })
  }

  /** A scanned or pasted QR text: the desktop console's sign-in, an invitation, or something not ours. */
  const handleScanned = async (text: string) => {
    const scanned = readScan(text)
    if (scanned.kind === 'desktop') {
      setScanText('')
      void Taro.navigateTo({ url: `/packages/user/pages/desktop/approve?challengeId=${encodeURIComponent(scanned.challengeId)}` })
    } else if (scanned.kind === 'invite') {
      const { confirm } = await Taro.showModal({ title: '接受邀请', content: '接受后，邀请中的角色将加到您当前的微信账号上。确定接受吗？', confirmText: '接受' })
      if (!confirm) return
      setScanText('')
      await acceptInvite(scanned.inviteCode)
    } else {
      void Taro.showToast({ title: '无法识别的二维码', icon: 'none' })
    }
  }

  const scan = async () => {
    if (isH5) return handleScanned(scanText)
    let result: string
    try {
      result = (await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })).result
    } catch {
      return // the scanner was closed: nothing to do
    }
    await handleScanned(result)
  }

  return (
    <Page>
      <View className='section'>
        <InfoRow label='姓名' id='mine-user-name'>
          {user.name}
        </InfoRow>
        <InfoRow label='身份'>{rolesText(user.roles)}</InfoRow>
      </View>

      <ElderlySwitch />

      {user.roles.includes('holder') && (
        <View className='section'>
          <Button id='mine-bookings' block onClick={() => void Taro.navigateTo({ url: BOOKINGS_PAGE })}>
            我的预约
          </Button>
          <View style={{ marginTop: '10px' }}>
            <Button id='mine-problems' block onClick={() => void Taro.navigateTo({ url: '/packages/holder/pages/problems/index' })}>
              我的诉求
            </Button>
          </View>
          <View style={{ marginTop: '10px' }}>
            <Button id='mine-ratings' block onClick={() => void Taro.navigateTo({ url: '/packages/holder/pages/ratings/index' })}>
              我的评价
            </Button>
          </View>
        </View>
      )}

      <View className='section'>
        <View className='section-title'>扫一扫</View>
        <View className='hint' style={{ marginBottom: '10px' }}>
          扫描电脑上的登录二维码，或管理员发给您的邀请二维码。
        </View>
        {isH5 && (
          <Input
            id='mine-scan-input'
            className='field-input mono'
            placeholder='粘贴二维码内容'
            maxlength={200}
            value={scanText}
            onInput={(e) => setScanText(e.detail.value)}
          />
        )}
        <View style={{ marginTop: isH5 ? '12px' : '0' }}>
          <Button id='mine-scan' type='primary' block onClick={() => void scan()}>
            {isH5 ? '识别' : '扫一扫'}
          </Button>
        </View>
      </View>

      <View className='section'>
        <View className='section-title'>接受邀请</View>
        <View className='hint' style={{ marginBottom: '10px' }}>
          输入管理员发给您的12位邀请码，成为工作人员、经办人、特派员、领导或管理员（邀请码仅能使用一次）。
        </View>
        <Input
          id='invite-code-input'
          className='field-input mono'
          placeholder='输入邀请码'
          maxlength={40}
          value={redeem.code}
          onInput={(e) => redeem.setCode(e.detail.value)}
        />
        <ErrorNotice error={redeem.error} id='invite-error' />
        {redeem.redeemed && (
          <View className='hint' id='invite-result' style={{ marginTop: '8px' }}>
            已加入：{rolesText(redeem.redeemed.roles)}
          </View>
        )}
        <View style={{ marginTop: '12px' }}>
          <Button id='invite-redeem' type='primary' block loading={redeem.submitting} onClick={() => void acceptInvite()}>
            接受邀请
          </Button>
        </View>
      </View>

      {activation.activated ? (
        <View className='section success-panel' id='activate-result'>
          <View className='success-mark'>✓</View>
          <View className='success-title'>服务卡已激活</View>
          <View className='success-detail'>
            {activation.activated.holder.name} · {HOLDER_TYPE_LABELS[activation.activated.card.type]} {activation.activated.card.number}
          </View>
          <Button id='activate-view-card' type='primary' block onClick={() => void Taro.switchTab({ url: '/pages/card/index' })}>
            查看服务卡
          </Button>
        </View>
      ) : (
        <View className='section'>
          <View className='section-title'>激活服务卡</View>
          <View className='hint' style={{ marginBottom: '10px' }}>
            输入管理员发给您的12位激活码，将服务卡绑定到当前账号（激活码仅能使用一次）。
          </View>
          <Input
            id='activate-input'
            className='field-input mono'
            placeholder='例如 ABCD EFGH JKLM'
            maxlength={20}
            value={activation.code}
            onInput={(e) => activation.setCode(e.detail.value)}
          />
          <ErrorNotice error={activation.error} id='activate-error' />
          <View style={{ marginTop: '12px' }}>
            <Button id='activate-submit' type='primary' block loading={activation.submitting} onClick={() => void activate()}>
              激活
            </Button>
          </View>
        </View>
      )}

      <View className='section'>
        <Button id='mine-logout' block onClick={() => void session.logout()}>
          退出登录
        </Button>
        <Text className='hint' style={{ display: 'block', marginTop: '8px' }}>
          退出后可在首页重新登录。
        </Text>
      </View>
    </Page>
  )
}

export default observer(MinePage)
