export default definePageConfig({ navigationBarTitleText: '政策直通车' })
