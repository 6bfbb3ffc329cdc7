import { Image, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState, type ChangeEvent } from 'react'
import { Button } from '@/components/Button'
import { DateField } from '@/components/DateField'
import { ErrorNotice } from '@/components/ErrorNotice'
import { FormField } from '@/components/FormField'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { HOLDER_TYPE_LABELS } from '@/core/card/qualification'
import {
  POLICY_CARD_TYPES,
  POLICY_INDUSTRIES,
  POLICY_INDUSTRY_LABELS,
  POLICY_KIND_LABELS,
  POLICY_KINDS,
  POLICY_TOPICS,
  POLICY_TOPIC_LABELS,
} from '@/core/policy/policy.labels'
import { isDocumentKey, POLICY_LIMITS } from '@/core/policy/policy.limits'
import { useStores } from '@/stores'
import { routeParam } from '@/utils/links'
import { PolicyDetailStore, PolicyEditorStore } from '@/stores/policies.store'

const IS_H5 = process.env.TARO_ENV === 'h5'
/** In cloud mode files go to cloud storage as images; PDFs are taken through the host only. */
const CLOUD_MODE = process.env.TARO_APP_API_MODE === 'cloud'

/**
 * Writes a draft (new, or `?id=` of a draft): kind, title, issuer, 文号, dates, 申报截止, summary, the full text (plain
 * text, one paragraph a line, or HTML: it is sanitised when saved), image attachments through the upload path, and the
 * tags. Ids: policy-edit-<field>, policy-edit-kind-<key>, policy-edit-industry-<key>, policy-edit-topic-<key>,
 * policy-edit-card-<type>, policy-edit-attach (H5: input#policy-attach-file), policy-edit-save; saving opens the
 * draft's page, where it is published.
 */
function PolicyEditPage() {
  const { session, api, uploader } = useStores()
  const [id] = useState(() => routeParam('id'))
  const [editor] = useState(() => new PolicyEditorStore(api, uploader))
  const [loaded, setLoaded] = useState(!id)

  useEffect(() => {
    if (!id || !session.user) return
    const draft = new PolicyDetailStore(api, id)
    void draft.load().then(() => {
      if (draft.policy) editor.edit(draft.policy)
      setLoaded(true)
    })
  }, [id, session.user, api, editor])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!session.hasRole('admin') && !session.hasRole('handler')) return <Page><SignInHint text='政策发布仅限管理员和部门经办人' /></Page>
  if (!loaded) return <View className='page hint'>正在加载…</View>

  const f = editor.fields
  const pick = async () => {
    if (editor.attachmentsLeft === 0) return
    if (IS_H5) {
      document.querySelector<HTMLInputElement>('#policy-attach-file')?.click()
      return
    }
    try {
      const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] })
      for (const file of res.tempFiles) await editor.attach({ path: file.tempFilePath }, `附件${editor.attachments.length + 1}`)
    } catch {
      // picker closed
    }
  }
  /** A PDF from a chat (the mini program's only way to pick a document); in H5 the file input takes PDFs too. */
  const pickPdf = async () => {
    if (editor.attachmentsLeft === 0) return
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] })
      for (const file of res.tempFiles) await editor.attach({ path: file.path }, file.name.replace(/\.pdf$/i, ''))
    } catch {
      // picker closed
    }
  }
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? [])
    event.target.value = ''
    for (const file of files) void editor.attach({ file, name: file.name }, file.name.replace(/\.[^.]+$/, ''))
  }
  const save = async () => {
    const saved = await editor.save()
    if (saved) void Taro.redirectTo({ url: `/packages/policy/pages/detail/index?id=${saved.id}` })
  }
  const chips = <K extends string>(prefix: string, keys: readonly K[], labels: Record<K, string>, selected: readonly K[], toggle: (key: K) => void) => (
    <View className='btn-wrap'>
      {keys.map((key) => (
        <View key={key} id={`${prefix}-${key}`} className={`chip ${selected.includes(key) ? 'chip-active' : ''}`} {...tappable(() => toggle(key), { pressed: selected.includes(key) })}>
          {labels[key]}
        </View>
      ))}
    </View>
  )
  const field = (key: keyof typeof f, label: string, placeholder?: string) => (
    <FormField id={`policy-edit-${key}`} label={label} value={f[key]} placeholder={placeholder} onInput={(value) => editor.setField(key, value)} />
  )
  const date = (key: 'issuedOn' | 'effectiveFrom' | 'effectiveTo' | 'applyBy', label: string) => (
    <DateField id={`policy-edit-${key}`} label={label} value={f[key]} placeholder='不填' onChange={(value) => editor.setField(key, value)} onClear={() => editor.setField(key, '')} />
  )

  return (
    <Page>
      <View className='field'>
        <View className='field-label'>类别</View>
        {chips('policy-edit-kind', POLICY_KINDS, POLICY_KIND_LABELS, [editor.kind], (kind) => editor.setKind(kind))}
      </View>
      {field('title', '标题')}
      {field('issuer', '发文单位', '如：环翠区人民政府')}
      {field('docNumber', '文号（选填）', '如：威环政发〔2026〕18号')}
      {date('issuedOn', '发文日期（选填）')}
      {date('effectiveFrom', '生效日期（选填）')}
      {date('effectiveTo', '有效期至（选填）')}
      {date('applyBy', '申报截止（选填，截止前3个工作日提醒看过的匹配企业）')}
      <View className='field'>
        <View className='field-label'>摘要</View>
        <Textarea id='policy-edit-summary' className='field-textarea' nativeProps={{ 'aria-label': '摘要' }} value={f.summary} maxlength={POLICY_LIMITS.summary.max} onInput={(e) => editor.setField('summary', e.detail.value)} />
      </View>
      <View className='field'>
        <View className='field-label'>正文（每行一段；也可粘贴网页格式，保存时自动去除脚本和样式）</View>
        <Textarea id='policy-edit-body' className='field-textarea' nativeProps={{ 'aria-label': '正文' }} style={{ minHeight: '200px' }} value={f.body} maxlength={POLICY_LIMITS.body.max} onInput={(e) => editor.setField('body', e.detail.value)} />
      </View>
      <View className='field'>
        <View className='field-label'>附件（图片或PDF，最多9个）</View>
        <View className='photo-grid'>
          {editor.attachments.map((attachment, index) => (
            <View key={attachment.id} className='photo-thumb' id={`policy-edit-attachment-${index}`}>
              {attachment.url && !(attachment.key && isDocumentKey(attachment.key)) && <Image className='photo-img' src={attachment.url} mode='aspectFill' nativeProps={{ alt: attachment.name }} />}
              <Text className={`photo-state ${attachment.error ? 'photo-state-error' : ''}`}>{attachment.uploading ? '上传中…' : (attachment.error ?? attachment.name)}</Text>
              <View className='photo-remove' {...tappable(() => editor.removeAttachment(index), { label: `删除第${index + 1}个附件` })}>
                ×
              </View>
            </View>
          ))}
          {editor.attachmentsLeft > 0 && (
            <View id='policy-edit-attach' className='photo-thumb photo-add' {...tappable(() => void pick(), { label: '添加图片附件' })}>
              +
            </View>
          )}
          {editor.attachmentsLeft > 0 && !IS_H5 && !CLOUD_MODE && (
            <View id='policy-edit-attach-pdf' className='photo-thumb photo-add' {...tappable(() => void pickPdf(), { label: '添加PDF附件' })}>
              PDF
            </View>
          )}
        </View>
        {IS_H5 && <input id='policy-attach-file' type='file' accept='image/*,application/pdf' style={{ display: 'none' }} onChange={onFile} />}
      </View>
      <View className='field'>
        <View className='field-label'>适用行业（不选为全部行业）</View>
        {chips('policy-edit-industry', POLICY_INDUSTRIES, POLICY_INDUSTRY_LABELS, editor.industries, (key) => editor.toggleIndustry(key))}
      </View>
      <View className='field'>
        <View className='field-label'>政策主题（不选为全部主题）</View>
        {chips('policy-edit-topic', POLICY_TOPICS, POLICY_TOPIC_LABELS, editor.topics, (key) => editor.toggleTopic(key))}
      </View>
      <View className='field'>
        <View className='field-label'>适用服务卡（不选为全部）</View>
        {chips('policy-edit-card', POLICY_CARD_TYPES, HOLDER_TYPE_LABELS, editor.cardTypes, (key) => editor.toggleCardType(key))}
      </View>
      {editor.problems.length > 0 && (
        <View className='field-error' id='policy-edit-problems'>
          {editor.problems.join('；')}
        </View>
      )}
      {editor.error && <ErrorNotice error={editor.error} id='policy-edit-error' />}
      <Button id='policy-edit-save' type='primary' block loading={editor.saving} onClick={() => void save()}>
        保存草稿
      </Button>
    </Page>
  )
}

export default observer(PolicyEditPage)
