export default definePageConfig({ navigationBarTitleText: '诉求交办' })
