import { Image, Input, RichText, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { InfoRow } from '@/components/InfoRow'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { POLICY_KIND_LABELS, POLICY_STATUS_LABELS } from '@/core/policy/policy.labels'
import { isDocumentKey } from '@/core/policy/policy.limits'
import { PROBLEM_STATUS_LABELS } from '@/core/problem/problem.labels'
import { useStores } from '@/stores'
import { routeParam, problemLink } from '@/utils/links'
import { PolicyDetailStore } from '@/stores/policies.store'
import { tagsOf, validity } from '../../policy-text'
import { dateText, dayText } from '@/utils/time'

/**
 * One policy: what it is, the full text (sanitised HTML) and the attachments (images, tap to enlarge); 一键咨询
 * (`policy-ask`, then `policy-ask-title`, `policy-ask-text`, `policy-ask-send`) sends a question that the ledger takes
 * as a problem of category 政策 and opens it. Managers (administrators, the publishing department's handlers) edit a
 * draft (`policy-edit`), publish it (`policy-publish`) or withdraw it with a reason (`policy-withdraw-reason`,
 * `policy-withdraw`); they and leaders see its reach (`policy-reach-<figure>`).
 */
function PolicyDetailPage() {
  const { session, api, uploader } = useStores()
  const [id] = useState(() => routeParam('id') ?? '')
  const [store] = useState(() => new PolicyDetailStore(api, id))
  const userId = session.user?.id ?? null
  const seesReach = session.hasRole('leader') || session.hasRole('admin') || session.hasRole('handler')

  useEffect(() => {
    if (!userId || !id) return
    void store.load().then(() => {
      if (seesReach && store.policy && store.policy.status !== 'draft') void store.loadReach()
    })
  }, [userId, id, store, seesReach])

  if (!session.user) return <Page>{session.ready ? <SignInHint text='请先登录后查看政策' /> : null}</Page>
  const policy = store.policy
  if (!policy) {
    return (
      <Page>
        {store.error ? <ErrorNotice error={store.error} id='policy-error' onRetry={() => void store.load()} retrying={store.loading} /> : <View className='hint'>正在加载…</View>}
      </Page>
    )
  }

  const ask = async () => {
    const problemId = await store.ask()
    if (problemId) void Taro.navigateTo({ url: problemLink(problemId) })
  }
  const publish = async () => {
    if (await store.publish()) await store.loadReach()
  }
  const urls = policy.attachments.map((a) => uploader.url(a.url))
  const imageUrls = urls.filter((_, i) => !isDocumentKey(policy.attachments[i].key))
  const tags = tagsOf(policy)
  const period = validity(policy)

  return (
    <Page>
      <View className='section'>
        <View className='problem-card-head'>
          <Text className='rating-tag'>{POLICY_KIND_LABELS[policy.kind]}</Text>
          {policy.status !== 'published' && (
            <Text className='rating-tag' id='policy-status'>
              {POLICY_STATUS_LABELS[policy.status]}
            </Text>
          )}
        </View>
        <View className='page-title' id='policy-title'>
          {policy.title}
        </View>
        {policy.status === 'withdrawn' && (
          <View className='error-notice' id='policy-withdrawn'>
            本政策已于{policy.withdrawnAt?.slice(0, 10)}撤回{policy.withdrawReason ? `：${policy.withdrawReason}` : ''}，仅供查阅。
          </View>
        )}
        <InfoRow label='发文单位'>{policy.issuer}</InfoRow>
        {policy.docNumber && <InfoRow label='文号'>{policy.docNumber}</InfoRow>}
        {policy.issuedOn && <InfoRow label='发文日期'>{dateText(policy.issuedOn)}</InfoRow>}
        {policy.publishedAt && <InfoRow label='发布日期'>{dayText(policy.publishedAt)}</InfoRow>}
        {period && <InfoRow label='有效期'>{period}</InfoRow>}
        {policy.applyBy && <InfoRow label='申报截止'>{dateText(policy.applyBy)}</InfoRow>}
        {tags.length > 0 && <InfoRow label='适用'>{tags.join('、')}</InfoRow>}
        <View className='hint'>{policy.summary}</View>
      </View>

      <View className='section' id='policy-body'>
        <RichText nodes={policy.body} />
      </View>

      {policy.attachments.length > 0 && (
        <View className='section'>
          <View className='section-title'>附件</View>
          <View className='photo-grid'>
            {policy.attachments.map((attachment, index) =>
              isDocumentKey(attachment.key) ? (
                <View key={attachment.key} className='photo-thumb photo-add' id={`policy-attachment-${index}`} {...tappable(() => void store.openDocument(urls[index]))}>
                  <Text className='photo-state'>PDF · {attachment.name}</Text>
                </View>
              ) : (
                <View key={attachment.key} className='photo-thumb' id={`policy-attachment-${index}`}>
                  <Image className='photo-img' src={urls[index]} mode='aspectFill' nativeProps={{ alt: attachment.name }} {...tappable(() => void Taro.previewImage({ urls: imageUrls, current: urls[index] }), { label: `查看附件图片${index + 1}` })} />
                  <Text className='photo-state'>{attachment.name}</Text>
                </View>
              ),
            )}
          </View>
        </View>
      )}

      {policy.mayAsk && (
        <View className='section'>
          {!store.askOpen ? (
            <Button id='policy-ask' type='primary' block onClick={() => store.openAsk(true)}>
              咨询这项政策
            </Button>
          ) : (
            <View>
              <View className='field'>
                <View className='field-label'>咨询标题</View>
                <Input id='policy-ask-title' className='field-input' nativeProps={{ 'aria-label': '咨询标题' }} value={store.askTitle} maxlength={60} onInput={(e) => store.setAsk('askTitle', e.detail.value)} />
              </View>
              <View className='field'>
                <View className='field-label'>想咨询的问题</View>
                <Textarea
                  id='policy-ask-text'
                  className='field-textarea'
                  value={store.askText}
                  maxlength={2000}
                  placeholder='如：我公司是否符合申报条件？需要准备哪些材料？'
                  onInput={(e) => store.setAsk('askText', e.detail.value)}
                />
              </View>
              {store.askError && (
                <View className='field-error' id='policy-ask-error'>
                  {store.askError}
                </View>
              )}
              <View className='form-buttons'>
                <Button id='policy-ask-send' type='primary' loading={store.busy} onClick={() => void ask()}>
                  提交咨询
                </Button>
                <Button id='policy-ask-cancel' onClick={() => store.openAsk(false)}>
                  取消
                </Button>
              </View>
              <View className='hint'>咨询将作为“政策”类诉求登记，由相关部门答复，可在“我的诉求”中跟踪。</View>
            </View>
          )}
        </View>
      )}

      {policy.questions.length > 0 && (
        <View className='section' id='policy-questions'>
          <View className='section-title'>我的咨询</View>
          {policy.questions.map((q) => (
            <View key={q.problemId} className='row tap-line' id={`policy-question-${q.problemId}`} {...tappable(() => void Taro.navigateTo({ url: problemLink(q.problemId) }))}>
              <Text className='row-label'>{q.number}</Text>
              <Text className='row-value'>
                {q.title} · {PROBLEM_STATUS_LABELS[q.status]}
              </Text>
            </View>
          ))}
        </View>
      )}

      {store.reach && (
        <View className='section' id='policy-reach'>
          <View className='section-title'>触达情况</View>
          <View className='score-figures'>
            {(
              [
                ['matched', '匹配企业'],
                ['notified', '已推送'],
                ['opened', '已查看'],
                ['asked', '咨询数'],
              ] as const
            ).map(([key, label]) => (
              <Text key={key}>
                {label}
                <Text className='score-figure-value' id={`policy-reach-${key}`}>
                  {store.reach![key]}
                </Text>
              </Text>
            ))}
          </View>
        </View>
      )}

      {policy.availableActions.length > 0 && (
        <View className='section'>
          {store.error && <ErrorNotice error={store.error} id='policy-action-error' />}
          {policy.availableActions.includes('save') && (
            <Button id='policy-edit' block onClick={() => void Taro.navigateTo({ url: `/packages/policy/pages/edit/index?id=${policy.id}` })}>
              编辑草稿
            </Button>
          )}
          {policy.availableActions.includes('publish') && (
            <Button id='policy-publish' type='primary' block loading={store.busy} onClick={() => void publish()}>
              发布并推送给匹配企业
            </Button>
          )}
          {policy.availableActions.includes('withdraw') && (
            <View>
              <View className='field'>
                <View className='field-label'>撤回原因</View>
                <Input id='policy-withdraw-reason' className='field-input' nativeProps={{ 'aria-label': '撤回原因' }} value={store.withdrawReason} maxlength={500} onInput={(e) => store.setWithdrawReason(e.detail.value)} />
              </View>
              <Button id='policy-withdraw' block loading={store.busy} onClick={() => void store.withdraw()}>
                撤回政策
              </Button>
            </View>
          )}
        </View>
      )}
    </Page>
  )
}

export default observer(PolicyDetailPage)
