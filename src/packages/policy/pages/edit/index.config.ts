export default definePageConfig({ navigationBarTitleText: '编写政策' })
