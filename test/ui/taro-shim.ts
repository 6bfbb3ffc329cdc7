/**
 * What the Taro build injects into an H5 app, done by hand for jest (jsdom): the H5 implementation of the Taro API
 * plus the React page hooks, with the React runtime registered once (createH5NativeComponentConfig).
 */
import * as React from 'react'
import * as ReactDOM from 'react-dom'
import * as TaroH5 from '@tarojs/taro-h5'
import {
  createH5NativeComponentConfig,
  useDidHide,
  useDidShow,
  useLoad,
  useReady,
  useRouter,
  useUnload,
} from '@tarojs/plugin-framework-react/dist/runtime'

createH5NativeComponentConfig(null, React, ReactDOM)

const { default: taroDefault, ...named } = TaroH5 as unknown as { default: Record<string, unknown> } & Record<string, unknown>

/** One mutable object, so tests can jest.spyOn(Taro, 'showModal') and pages see the spy. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stands in for the whole Taro API
const Taro: Record<string, any> = { ...taroDefault, ...named, useDidShow, useDidHide, useLoad, useReady, useRouter, useUnload }

export default Taro
export * from '@tarojs/taro-h5'
export { useDidHide, useDidShow, useLoad, useReady, useRouter, useUnload }
