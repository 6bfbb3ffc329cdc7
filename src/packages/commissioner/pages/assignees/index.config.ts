export default definePageConfig({ navigationBarTitleText: '联系企业' })
