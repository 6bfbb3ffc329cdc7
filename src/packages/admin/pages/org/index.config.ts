export default definePageConfig({ navigationBarTitleText: '行政区设置' })
