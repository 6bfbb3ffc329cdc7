export default definePageConfig({ navigationBarTitleText: '离线核验异常' })
