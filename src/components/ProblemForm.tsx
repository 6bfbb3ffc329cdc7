import { Image, Input, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import type { ChangeEvent } from 'react'
import { Button } from '@/components/Button'
import { tappable } from '@/components/tappable'
import { MAX_PHOTOS, PROBLEM_LIMITS } from '@/core/problem/problem.limits'
import type { ProblemFormStore } from '@/stores/problem-form.store'
import { compressPhoto } from '@/utils/kept-photo'
import { CATEGORY_LABELS, CATEGORY_ORDER } from '@/utils/problem-labels'
import { ErrorNotice } from './ErrorNotice'

const IS_H5 = process.env.TARO_ENV === 'h5'

/** A booking the problem may be linked to (optional). */
export interface BookingChoice {
  id: string
  label: string
}

/**
 * The problem submission form, shared by the holder's page, the staff desk (代为登记) and the commissioner.
 * Ids: problem-category-<key>, problem-title, problem-description, problem-photo-add, problem-photo-<i>
 * (problem-photo-remove-<i>), problem-booking-<id> / problem-booking-none, problem-submit, problem-error.
 * In H5 a hidden `input#problem-photo-file` (accept image/*) takes files too: a browser test sets a file on it.
 * 待发送 (`problem-queued`, `problem-retry`): a submission the network did not carry; the content stays as sent until it
 * goes through, so its retry is the same submission.
 */
export const ProblemForm = observer(function ProblemForm(props: {
  form: ProblemFormStore
  bookings?: BookingChoice[]
  onSubmit: () => void
  /** The page keeps the form as a draft and sends a waiting submission by itself when the network returns. */
  kept?: boolean
}) {
  const { form, bookings } = props
  const errors = form.errors
  const locked = form.queued

  const pick = async () => {
    if (form.photosLeft === 0 || locked) return
    if (IS_H5) {
      document.querySelector<HTMLInputElement>('#problem-photo-file')?.click()
      return
    }
    try {
      const res = await Taro.chooseMedia({ count: form.photosLeft, mediaType: ['image'], sizeType: ['compressed'] })
      const sources = await Promise.all(res.tempFiles.map((file) => compressPhoto({ path: file.tempFilePath })))
      await form.addPhotos(sources.map((source, i) => ({ source, preview: res.tempFiles[i].tempFilePath })))
    } catch {
      // picker closed: nothing to add
    }
  }

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target
    const files = Array.from(input.files ?? [])
    input.value = ''
    if (!files.length) return
    const sources = await Promise.all(files.map((file) => compressPhoto({ file, name: file.name })))
    await form.addPhotos(
      sources.map((source) => ({
        source,
        preview: 'file' in source && typeof URL !== 'undefined' && URL.createObjectURL ? URL.createObjectURL(source.file) : null,
      })),
    )
  }
  const failed = form.photos.map((photo, index) => ({ photo, index })).filter(({ photo }) => photo.error && !photo.uploading && !form.photoWaiting(photo))

  return (
    <View className='problem-form'>
      <View className='field'>
        <View className='field-label'>诉求类别（必选）</View>
        <View className='btn-wrap'>
          {CATEGORY_ORDER.map((category) => (
            <View
              key={category}
              id={`problem-category-${category}`}
              className={`chip ${form.category === category ? 'chip-active' : ''}`}
              {...tappable(() => !locked && form.setCategory(category), { pressed: form.category === category })}
            >
              {CATEGORY_LABELS[category]}
            </View>
          ))}
        </View>
        {errors.category && <View className='field-error' id='problem-category-error'>{errors.category}</View>}
      </View>

      <View className='field'>
        <View className='field-label'>标题（必填）</View>
        <Input
          id='problem-title'
          className='field-input'
          placeholder='一句话说明诉求，如：厂房规划许可办理进度'
          maxlength={PROBLEM_LIMITS.title.max}
          value={form.title}
          disabled={locked}
          onInput={(e) => form.setTitle(e.detail.value)}
        />
        {errors.title && <View className='field-error' id='problem-title-error'>{errors.title}</View>}
      </View>

      <View className='field'>
        <View className='field-label'>问题描述（必填）</View>
        <Textarea
          id='problem-description'
          className='field-textarea'
          placeholder='遇到的困难、已办理的情况、希望得到的帮助'
          maxlength={PROBLEM_LIMITS.description.max}
          value={form.description}
          disabled={locked}
          onInput={(e) => form.setDescription(e.detail.value)}
        />
        {errors.description && <View className='field-error' id='problem-description-error'>{errors.description}</View>}
      </View>

      <View className='field'>
        <View className='field-label'>
          图片（选填，最多{MAX_PHOTOS}张，已选 {form.photos.length} 张）
        </View>
        <View className='photo-grid'>
          {form.photos.map((photo, index) => {
            const src = form.photoUrl(photo)
            return (
              <View key={photo.id} id={`problem-photo-${index}`} className='photo-thumb'>
                {src ? <Image className='photo-img' src={src} mode='aspectFill' nativeProps={{ alt: `第${index + 1}张图片` }} /> : <View className='photo-img' />}
                {photo.uploading && <View className='photo-state'>上传中…</View>}
                {form.photoWaiting(photo) ? (
                  <View className='photo-state'>待上传</View>
                ) : (
                  photo.error && !photo.uploading && <View className='photo-state photo-state-error'>未上传</View>
                )}
                {!locked && (
                  <View id={`problem-photo-remove-${index}`} className='photo-remove' {...tappable(() => form.removePhoto(photo.id), { label: `删除第${index + 1}张图片` })}>
                    ×
                  </View>
                )}
              </View>
            )
          })}
          {form.photosLeft > 0 && !locked && (
            <View id='problem-photo-add' className='photo-thumb photo-add' {...tappable(() => void pick(), { label: '添加图片' })}>
              +
            </View>
          )}
        </View>
        {failed.map(({ photo, index }) => (
          <View key={photo.id} id={`problem-photo-failed-${index}`} style={{ display: 'flex', alignItems: 'center', gap: '8px', marginTop: '8px' }}>
            <View className='field-error' style={{ flex: 1 }}>
              第{index + 1}张图片：{photo.error!.message}
            </View>
            {!locked && (
              <Button id={`problem-photo-retry-${index}`} onClick={() => void form.retryPhoto(photo.id)}>
                重试
              </Button>
            )}
          </View>
        ))}
        {IS_H5 && <input id='problem-photo-file' type='file' accept='image/*' multiple style={{ display: 'none' }} onChange={(event) => void onFiles(event)} />}
        {errors.photos && <View className='field-error' id='problem-photos-error'>{errors.photos}</View>}
      </View>

      {bookings && bookings.length > 0 && (
        <View className='field'>
          <View className='field-label'>关联预约（选填）</View>
          <View className='btn-wrap'>
            <View id='problem-booking-none' className={`chip ${form.bookingId ? '' : 'chip-active'}`} {...tappable(() => !locked && form.setBooking(null), { pressed: !form.bookingId })}>
              不关联
            </View>
            {bookings.map((booking) => (
              <View
                key={booking.id}
                id={`problem-booking-${booking.id}`}
                className={`chip ${form.bookingId === booking.id ? 'chip-active' : ''}`}
                {...tappable(() => !locked && form.setBooking(booking.id), { pressed: form.bookingId === booking.id })}
              >
                {booking.label}
              </View>
            ))}
          </View>
        </View>
      )}

      {!locked && <ErrorNotice error={form.error} id='problem-error' />}
      {locked ? (
        <View id='problem-queued' style={{ marginTop: '12px' }}>
          <View className='section-title'>待发送</View>
          <View className='hint'>
            {props.kept ? '网络不通，诉求已保存在本机，网络恢复后会自动提交，不会重复提交。' : '网络不通，诉求还没有提交成功。网络恢复后请点重试，不会重复提交。'}
          </View>
          <Button id='problem-retry' type='primary' block loading={form.submitting} disabled={form.submitting} onClick={props.onSubmit}>
            重试
          </Button>
        </View>
      ) : (
        <View style={{ marginTop: '12px' }}>
          <Button id='problem-submit' type='primary' block loading={form.submitting} disabled={form.submitting} onClick={props.onSubmit}>
            提交诉求
          </Button>
        </View>
      )}
    </View>
  )
})
