export default definePageConfig({ navigationBarTitleText: '座谈会管理' })
