import { Image, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState, type ChangeEvent } from 'react'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { tappable } from '@/components/tappable'
import { MAX_PHOTOS } from '@/core/problem/problem.limits'
import { NEXT_STEP_KINDS, NEXT_STEP_LABELS, type NextStepKind, type ProblemCategory } from '@/core/problem/problem.labels'
import type { DeskProblem, DeskStore } from '@/stores/desk.store'
import type { ShownError } from '@/utils/errors'
import { compressPhoto, photoKeeper } from '@/utils/kept-photo'
import { CATEGORY_LABELS, CATEGORY_ORDER } from '@/utils/problem-labels'
import { dayLabel, shanghaiToday } from '@/utils/time'

const IS_H5 = process.env.TARO_ENV === 'h5'
type Handling = DeskProblem['handling']['kind']
const HANDLING_LABELS: Record<Handling, string> = { none: '仅登记', answer: '现场答复', defer: '暂缓办理' }

/**
 * 登记诉求 for the holder just checked in, with or without a network: the problem, its photos (kept on the phone until
 * they can be uploaded) and what staff did on the spot. Ids: desk-problem-category-<key>, -title, -description,
 * -photo-file (H5), -photo-<i>, -handling-<kind>, -reply, -explanation, -suggestion, -next-<kind>, -date, -submit, -error.
 */
export function DeskProblemForm({ desk, holderName, onDone }: { desk: DeskStore; holderName: string; onDone: () => void }) {
  const [category, setCategory] = useState<ProblemCategory | null>(null)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [handling, setHandling] = useState<Handling>('none')
  const [reply, setReply] = useState('')
  const [explanation, setExplanation] = useState('')
  const [suggestion, setSuggestion] = useState('')
  const [nextKind, setNextKind] = useState<NextStepKind>('fixedDay')
  const [nextDate, setNextDate] = useState('')
  const [error, setError] = useState<ShownError | null>(null)

  const addPhotos = async (sources: Parameters<typeof photoKeeper.keep>[0][]) => {
    const kept = await Promise.all(sources.slice(0, MAX_PHOTOS - photos.length).map(async (source) => photoKeeper.keep(await compressPhoto(source))))
    if (kept.some((photo) => photo === null)) setError({ code: 'PHOTO_NOT_KEPT', message: '有照片未能保存到本机，请重拍' })
    setPhotos((list) => [...list, ...kept.filter((photo): photo is string => photo !== null)])
  }
  const pick = async () => {
    if (IS_H5) return document.querySelector<HTMLInputElement>('#desk-problem-photo-file')?.click()
    try {
      const res = await Taro.chooseMedia({ count: MAX_PHOTOS - photos.length, mediaType: ['image'], sizeType: ['compressed'] })
      await addPhotos(res.tempFiles.map((file) => ({ path: file.tempFilePath })))
    } catch {
      // picker closed: nothing to add
    }
  }
  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? [])
    event.target.value = ''
    void addPhotos(files.map((file) => ({ file, name: file.name })))
  }

  const submit = () => {
    if (!category) return setError({ code: 'VALIDATION_FAILED', message: '请选择诉求类别' })
    const refused = desk.recordProblem({
      category,
      title,
      description,
      photos,
      handling:
        handling === 'answer'
          ? { kind: 'answer', reply }
          : handling === 'defer'
            ? { kind: 'defer', deferral: { explanation, suggestion, nextStep: { kind: nextKind, date: nextDate } } }
            : { kind: 'none' },
    })
    setError(refused)
    if (!refused) onDone()
  }

  return (
    <View className='section' id='desk-problem'>
      <View className='section-title'>为「{holderName}」登记诉求</View>
      <View className='field-label'>诉求类别</View>
      <View className='btn-wrap'>
        {CATEGORY_ORDER.map((key) => (
          <View key={key} id={`desk-problem-category-${key}`} className={`chip ${category === key ? 'chip-active' : ''}`} {...tappable(() => setCategory(key), { pressed: category === key })}>
            {CATEGORY_LABELS[key]}
          </View>
        ))}
      </View>
      <View className='field-label'>标题</View>
      <Input id='desk-problem-title' className='field-input' value={title} maxlength={60} placeholder='一句话说明问题' onInput={(e) => setTitle(e.detail.value)} />
      <View className='field-label'>具体情况</View>
      <Textarea id='desk-problem-description' className='field-textarea' nativeProps={{ 'aria-label': '具体情况' }} value={description} maxlength={2000} onInput={(e) => setDescription(e.detail.value)} />
      <View className='btn-wrap' style={{ marginTop: '8px' }}>
        {photos.map((photo, i) => (
          <Image key={photo.slice(-32) + i} id={`desk-problem-photo-${i}`} src={photo} className='desk-photo' mode='aspectFill' nativeProps={{ alt: `第${i + 1}张图片` }} />
        ))}
        {photos.length < MAX_PHOTOS && (
          <Button size='small' id='desk-problem-photo-add' onClick={() => void pick()}>
            添加照片
          </Button>
        )}
      </View>
      {IS_H5 && <input id='desk-problem-photo-file' type='file' accept='image/*' multiple style={{ display: 'none' }} onChange={onFiles} />}

      <View className='field-label'>现场处理</View>
      <View className='btn-wrap'>
        {(Object.keys(HANDLING_LABELS) as Handling[]).map((kind) => (
          <View key={kind} id={`desk-problem-handling-${kind}`} className={`chip ${handling === kind ? 'chip-active' : ''}`} {...tappable(() => setHandling(kind), { pressed: handling === kind })}>
            {HANDLING_LABELS[kind]}
          </View>
        ))}
      </View>
      {handling === 'answer' && (
        <Textarea id='desk-problem-reply' className='field-textarea' placeholder='现场答复的内容' value={reply} onInput={(e) => setReply(e.detail.value)} />
      )}
      {handling === 'defer' && (
        <View>
          <Textarea id='desk-problem-explanation' className='field-textarea' placeholder='解释说明：为什么不能当场办结' value={explanation} onInput={(e) => setExplanation(e.detail.value)} />
          <Textarea id='desk-problem-suggestion' className='field-textarea' placeholder='办理建议：企业需要准备什么' value={suggestion} onInput={(e) => setSuggestion(e.detail.value)} />
          <View className='btn-wrap'>
            {NEXT_STEP_KINDS.map((kind) => (
              <View key={kind} id={`desk-problem-next-${kind}`} className={`chip ${nextKind === kind ? 'chip-active' : ''}`} {...tappable(() => setNextKind(kind), { pressed: nextKind === kind })}>
                {NEXT_STEP_LABELS[kind]}
              </View>
            ))}
          </View>
          <Picker mode='date' value={nextDate || shanghaiToday()} start={shanghaiToday()} onChange={(e) => setNextDate(e.detail.value)}>
            <View className='field-input' id='desk-problem-date' {...tappable()}>
              {nextDate ? `下一步日期：${dayLabel(nextDate)}` : <Text className='hint'>选择下一步的日期</Text>}
            </View>
          </Picker>
        </View>
      )}
      <ErrorNotice error={error} id='desk-problem-error' />
      <View style={{ marginTop: '10px' }}>
        <Button id='desk-problem-submit' type='primary' block onClick={submit}>
          {desk.online ? '登记' : '登记（联网后自动同步）'}
        </Button>
      </View>
    </View>
  )
}
