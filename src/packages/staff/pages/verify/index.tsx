import { Tag } from '@nutui/nutui-react-taro'
import { Textarea, Text, View } from '@tarojs/components'
import Taro, { useUnload } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { InfoRow } from '@/components/InfoRow'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { CARD_STATUS_LABELS } from '@/core/card/card.machine'
import { basisLabel, HOLDER_TYPE_LABELS } from '@/core/card/qualification'
import { useStores } from '@/stores'
import { useVerifyStore } from '@/stores/verify.store'
import { STATUS_TAG } from '@/utils/labels'
import './index.scss'

const IS_H5 = process.env.TARO_ENV === 'h5'

function VerifyPage() {
  const { session } = useStores()
  const verify = useVerifyStore()
  useUnload(() => verify.reset())

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!session.hasRole('staff')) return <Page><SignInHint text='扫码核验仅限流动站工作人员使用' /></Page>

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      verify.setInput(res.result)
      await verify.verify(res.result)
    } catch {
      // the staff member closed the scanner: nothing to do
    }
  }

  const result = verify.result
  const refusal = verify.refusal

  return (
    <Page>
      <View className='section'>
        <View className='section-title'>核验服务卡</View>
        {IS_H5 ? (
          <View>
            <View className='hint' style={{ marginBottom: '8px' }}>
              粘贴或输入扫码得到的二维码内容
            </View>
            <Textarea
              id='verify-input'
              className='field-textarea mono'
              placeholder='粘贴二维码内容'
              maxlength={512}
              value={verify.input}
              onInput={(e) => verify.setInput(e.detail.value)}
            />
            <View style={{ marginTop: '12px' }}>
              <Button id='verify-submit' type='primary' block loading={verify.submitting} onClick={() => void verify.verify()}>
                核验
              </Button>
            </View>
          </View>
        ) : (
          <Button id='verify-scan' type='primary' block loading={verify.submitting} onClick={() => void scan()}>
            扫码
          </Button>
        )}
      </View>

      {result && (
        <View className='section verify-ok' id='verify-result'>
          <View className='verify-banner verify-banner-ok'>✓ 核验通过</View>
          <View className='verify-name' id='verify-holder-name'>
            {result.holder.name}
          </View>
          <InfoRow label='卡片类型'>{HOLDER_TYPE_LABELS[result.card.type]}</InfoRow>
          <InfoRow label='卡号'>{result.card.number}</InfoRow>
          <View className='row'>
            <Text className='row-label'>状态</Text>
            <View id='verify-card-status'>
              <Tag type={STATUS_TAG[result.card.status] ?? 'default'}>{CARD_STATUS_LABELS[result.card.status]}</Tag>
            </View>
          </View>
          <InfoRow label='认定依据'>{basisLabel(result.holder.qualification.basis)}</InfoRow>
          <InfoRow label='认定说明'>{result.holder.qualification.detail}</InfoRow>
          {result.holder.creditCode && <InfoRow label='统一社会信用代码'>{result.holder.creditCode}</InfoRow>}
          <InfoRow label='联系人'>{result.holder.contact.name}</InfoRow>
          <InfoRow label='联系电话'>{result.holder.contact.phone}</InfoRow>
        </View>
      )}

      {refusal && (
        <View className='section verify-fail' id='verify-error'>
          <View className='verify-banner verify-banner-fail'>✕ 核验未通过</View>
          <ErrorNotice error={refusal} id='verify-error-message' />
        </View>
      )}
    </Page>
  )
}

export default observer(VerifyPage)
