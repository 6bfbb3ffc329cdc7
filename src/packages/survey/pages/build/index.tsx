import { Input } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { HOLDER_TYPE_LABELS, HOLDER_TYPES } from '@/core/card/qualification'
import { SURVEY_INDUSTRIES, SURVEY_INDUSTRY_LABELS } from '@/core/survey/survey.labels'
import { SURVEY_LIMITS } from '@/core/survey/survey.limits'
import { useStores } from '@/stores'
import { SurveyBuilderStore } from '@/stores/survey-builder.store'
import { dayLabel } from '@/utils/time'
import '../../survey.scss'

const NO_DEPARTMENT = '不指定部门'

/**
 * 新建问卷 from the 营商环境调查 template (8 aspects): title, dates, audience (empty: every holder), and the department
 * each aspect's rating items judge. Saved as a draft; 发布 is on the list.
 */
function BuildPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new SurveyBuilderStore(api))
  const admin = session.hasRole('admin')

  useEffect(() => {
    if (admin) void store.loadDepartments()
  }, [admin, store])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!admin) return <Page><SignInHint text='仅管理员可以新建问卷' /></Page>

  const departmentNames = [NO_DEPARTMENT, ...store.departments.map((d) => d.name)]
  const save = async () => {
    if (await store.save()) {
      void Taro.showToast({ title: '已保存为草稿', icon: 'success' })
      void Taro.navigateBack()
    }
  }
  return (
    <Page>
      <View className='section'>
        <View className='section-title'>问卷标题</View>
        <Input id='survey-build-title' value={store.title} maxLength={SURVEY_LIMITS.title.max} onChange={(v) => store.setTitle(v)} />
        <View className='survey-bar'>
          <Text>填写期</Text>
          <Picker mode='date' value={store.opensOn} onChange={(e) => store.setDates(String(e.detail.value), store.closesOn)}>
            <View className='chip' id='survey-build-opens' {...tappable(undefined, { label: `填写期自${dayLabel(store.opensOn)}` })}>
              {dayLabel(store.opensOn)}
            </View>
          </Picker>
          <Text>至</Text>
          <Picker mode='date' value={store.closesOn} start={store.opensOn} onChange={(e) => store.setDates(store.opensOn, String(e.detail.value))}>
            <View className='chip' id='survey-build-closes' {...tappable(undefined, { label: `填写期至${dayLabel(store.closesOn)}` })}>
              {dayLabel(store.closesOn)}
            </View>
          </Picker>
        </View>
      </View>
      <View className='section'>
        <View className='section-title'>调查对象（不选即全部持卡企业）</View>
        <View className='survey-choices'>
          {HOLDER_TYPES.map((type) => (
            <View key={type} id={`survey-build-card-${type}`} className={`chip ${store.cardTypes.includes(type) ? 'chip-active' : ''}`} {...tappable(() => store.toggleCardType(type), { pressed: store.cardTypes.includes(type) })}>
              {HOLDER_TYPE_LABELS[type]}
            </View>
          ))}
        </View>
        <View className='survey-choices'>
          {SURVEY_INDUSTRIES.map((industry) => (
            <View
              key={industry}
              id={`survey-build-industry-${industry}`}
              className={`chip ${store.industries.includes(industry) ? 'chip-active' : ''}`}
              {...tappable(() => store.toggleIndustry(industry), { pressed: store.industries.includes(industry) })}
            >
              {SURVEY_INDUSTRY_LABELS[industry]}
            </View>
          ))}
        </View>
      </View>
      <View className='section'>
        <View className='section-title'>各方面的责任部门</View>
        {store.sections.map((section) => {
          const chosen = store.departments.findIndex((d) => d.id === store.departmentsBySection[section.id])
          return (
            <View key={section.id} className='survey-bar' id={`survey-build-section-${section.id}`}>
              <Text>
                {section.title}（{section.items.length}题）
              </Text>
              <Picker
                mode='selector'
                range={departmentNames}
                value={chosen + 1}
                onChange={(e) => store.setDepartment(section.id, store.departments[Number(e.detail.value) - 1]?.id ?? null)}
              >
                <View className='chip' {...tappable()}>{chosen >= 0 ? store.departments[chosen].name : NO_DEPARTMENT}</View>
              </Picker>
            </View>
          )
        })}
      </View>
      <View className='section'>
        <ErrorNotice error={store.error} id='survey-build-error' />
        <Button id='survey-build-save' type='primary' block loading={store.saving} onClick={() => void save()}>
          保存草稿
        </Button>
      </View>
    </Page>
  )
}

export default observer(BuildPage)
