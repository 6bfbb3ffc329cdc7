export default definePageConfig({ navigationBarTitleText: '发卡' })
