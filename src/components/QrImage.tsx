import { Image } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { useMemo } from 'react'

/** QR alphanumeric mode's characters: 5.5 bits each against 8 in byte mode (the offline card code keeps to them). */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/

/** Encodes text as a QR code in a GIF data URL (pure JS: no canvas, works in weapp and H5). */
export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(text, ALPHANUMERIC.test(text) ? 'Alphanumeric' : 'Byte')
  qr.make()
  return qr.createDataURL(6, 4)
}

/** `alt` names the code for screen readers (服务卡二维码, 邀请码二维码). */
export function QrImage({ text, id, size = 220, alt = '二维码' }: { text: string; id?: string; size?: number; alt?: string }) {
  const src = useMemo(() => qrDataUrl(text), [text])
  return <Image id={id} src={src} style={{ width: `${size}px`, height: `${size}px` }} mode='scaleToFill' nativeProps={{ alt }} />
}
