import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { FormField } from '@/components/FormField'
import { InfoRow } from '@/components/InfoRow'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { CARD_LIMITS } from '@/core/card/card.limits'
import { HOLDER_TYPE_LABELS, HOLDER_TYPES } from '@/core/card/qualification'
import { useStores } from '@/stores'
import { useAdminStore } from '@/stores/admin.store'
import { IssueFormStore } from '@/stores/issue-form.store'
import './index.scss'

function IssuePage() {
  const { session } = useStores()
  const admin = useAdminStore()
  const [form] = useState(() => new IssueFormStore(admin))

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!session.hasRole('admin')) return <Page><SignInHint text='发卡仅限管理员使用' /></Page>

  const issued = admin.issued
  const errors = form.errors

  return (
    <Page>
      {issued && (
        <View className='section issued'>
          <View className='section-title'>发卡成功</View>
          <View className='hint'>请将激活码交给持卡人联系人，激活码仅能使用一次：</View>
          <View className='activation-code mono' id='issue-activation-code'>
            {issued.activationCode}
          </View>
          <Button size='small' onClick={() => void Taro.setClipboardData({ data: issued.activationCode })}>
            复制激活码
          </Button>
          <InfoRow label='卡号' id='issue-card-number'>
            {issued.card.number}
          </InfoRow>
          <InfoRow label='持卡主体'>
            {issued.holder.name}（{HOLDER_TYPE_LABELS[issued.card.type]}）
          </InfoRow>
          <View style={{ marginTop: '8px' }}>
            <Button size='small' onClick={() => admin.clearIssued()}>
              继续发卡
            </Button>
          </View>
        </View>
      )}

      <View className='section'>
        <View className='section-title'>新发服务卡</View>

        <View className='field'>
          <View className='field-label'>卡片类型</View>
          <View className='btn-wrap'>
            {HOLDER_TYPES.map((type) => (
              <View
                key={type}
                id={`issue-type-${type}`}
                className={`chip ${form.type === type ? 'chip-active' : ''}`}
                {...tappable(() => form.setType(type), { pressed: form.type === type })}
              >
                {HOLDER_TYPE_LABELS[type]}
              </View>
            ))}
          </View>
          {errors.type && <View className='field-error'>{errors.type}</View>}
        </View>

        <FormField
          id='issue-name'
          label={form.type === 'talent' ? '人才姓名' : form.type === 'project' ? '项目名称' : '企业名称'}
          value={form.name}
          maxlength={CARD_LIMITS.holderName.max}
          error={errors.name}
          onInput={(value) => form.set('name', value)}
        />

        {form.type === 'enterprise' && (
          <FormField
            id='issue-credit-code'
            label='统一社会信用代码'
            placeholder='18位，含校验位'
            value={form.creditCode}
            maxlength={18}
            error={errors.creditCode}
            onInput={(value) => form.set('creditCode', value)}
          />
        )}

        <View className='field'>
          <View className='field-label'>认定依据</View>
          <View className='btn-wrap'>
            {form.bases.map((basis) => (
              <View
                key={basis.value}
                id={`issue-basis-${basis.value}`}
                className={`chip ${form.basis === basis.value ? 'chip-active' : ''}`}
                {...tappable(() => form.set('basis', basis.value), { pressed: form.basis === basis.value })}
              >
                {basis.label}
              </View>
            ))}
          </View>
          {errors.basis && <View className='field-error'>{errors.basis}</View>}
        </View>

        <View className='field'>
          <View className='field-label'>认定说明</View>
          <Textarea
            id='issue-detail'
            className='field-textarea'
            placeholder='如：2025年度纳税额、高新技术企业证书编号、项目批文'
            maxlength={CARD_LIMITS.qualificationDetail.max}
            value={form.detail}
            onInput={(e) => form.set('detail', e.detail.value)}
          />
          {errors.detail && (
            <View className='field-error' id='issue-detail-error'>
              {errors.detail}
            </View>
          )}
        </View>

        <FormField
          id='issue-contact-name'
          label='联系人'
          value={form.contactName}
          maxlength={CARD_LIMITS.contactName.max}
          error={errors.contactName}
          onInput={(value) => form.set('contactName', value)}
        />
        <FormField
          id='issue-contact-phone'
          label='联系电话'
          placeholder='手机号或带区号的固定电话'
          value={form.contactPhone}
          maxlength={13}
          error={errors.contactPhone}
          onInput={(value) => form.set('contactPhone', value)}
        />

        <ErrorNotice error={admin.issueError} id='issue-error' />
        <View style={{ marginTop: '12px' }}>
          <Button id='issue-submit' type='primary' block loading={admin.issuing} onClick={() => void form.submit()}>
            发卡
          </Button>
        </View>
        <Text className='hint' style={{ display: 'block', marginTop: '8px' }}>
          发卡后生成一次性激活码，持卡人在「我的」页面输入激活码完成绑定。
        </Text>
      </View>
    </Page>
  )
}

export default observer(IssuePage)
