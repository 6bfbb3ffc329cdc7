export default definePageConfig({ navigationBarTitleText: '企业评判问卷' })
