/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** 'cloud' → Taro.cloud.callFunction; anything else → HTTP to TARO_APP_API_BASE */
    TARO_APP_API_MODE?: string
    /** Base URL of the local host's API in the weapp build ('' in H5: same origin) */
    TARO_APP_API_BASE?: string
  }
}
