import { View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { SubscribePrompt } from '@/components/SubscribePrompt'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { HOLDER_TYPE_LABELS } from '@/core/card/qualification'
import { POLICY_INDUSTRIES, POLICY_INDUSTRY_LABELS, POLICY_TOPICS, POLICY_TOPIC_LABELS } from '@/core/policy/policy.labels'
import { useStores } from '@/stores'
import { PolicyProfileStore } from '@/stores/policies.store'

/**
 * 企业画像: the industries and topics of the holder's enterprise (`profile-industry-<key>`, `profile-topic-<key>`,
 * `profile-save`); 政策直通车 recommends and pushes the policies that match them.
 */
function PolicyProfilePage() {
  const { session, api } = useStores()
  const [store] = useState(() => new PolicyProfileStore(api))
  const userId = session.user?.id ?? null

  useEffect(() => {
    if (userId) void store.load()
  }, [userId, store])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!session.hasRole('holder')) return <Page><SignInHint text='企业画像仅限持卡企业设置' /></Page>

  return (
    <Page>
      {store.cardType && <View className='hint'>服务卡类型：{HOLDER_TYPE_LABELS[store.cardType]}</View>}
      <View className='section'>
        <View className='section-title'>所属行业（可多选）</View>
        <View className='btn-wrap'>
          {POLICY_INDUSTRIES.map((key) => (
            <View key={key} id={`profile-industry-${key}`} className={`chip ${store.industries.includes(key) ? 'chip-active' : ''}`} {...tappable(() => store.toggleIndustry(key), { pressed: store.industries.includes(key) })}>
              {POLICY_INDUSTRY_LABELS[key]}
            </View>
          ))}
        </View>
      </View>
      <View className='section'>
        <View className='section-title'>关注主题（可多选）</View>
        <View className='btn-wrap'>
          {POLICY_TOPICS.map((key) => (
            <View key={key} id={`profile-topic-${key}`} className={`chip ${store.topics.includes(key) ? 'chip-active' : ''}`} {...tappable(() => store.toggleTopic(key), { pressed: store.topics.includes(key) })}>
              {POLICY_TOPIC_LABELS[key]}
            </View>
          ))}
        </View>
      </View>
      {store.error && <ErrorNotice error={store.error} id='profile-error' />}
      {store.saved && (
        <View className='hint' id='profile-saved'>
          已保存：与画像相符的新政策会推送到消息中心，并在“为我推荐”中排在前面。
        </View>
      )}
      <Button id='profile-save' type='primary' block loading={store.saving} onClick={() => void store.save()}>
        保存画像
      </Button>
      <SubscribePrompt id='subscribe-policy' moment='policyProfile' text='开启微信提醒：有与您企业相关的新政策、看过的政策申报即将截止时通知您。' />
    </Page>
  )
}

export default observer(PolicyProfilePage)
