// Untyped modules the jest Taro shim uses (only in tests).
declare module 'react-dom'
declare module '@tarojs/plugin-framework-react/dist/runtime'
