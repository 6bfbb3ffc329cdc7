export default definePageConfig({ navigationBarTitleText: '政企座谈会' })
