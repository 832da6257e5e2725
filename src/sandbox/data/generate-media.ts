// Seeded media library: real PNG images (gradients and solid colours) and short video payloads.
import type { AccountStore } from './account-store'
import { storageUrlPath } from './media-files'
import type { MediaRec } from './model'
import { gradientPng, type Rgb } from './png'
import type { Prng } from './prng'
import { MEDIA_NAMES } from './text'
import { DAY, MINUTE } from './time'
import type { World } from './world'

const PALETTE: readonly Rgb[] = [
  [0x1e, 0x88, 0xe5], [0x43, 0xa0, 0x47], [0xfb, 0x8c, 0x00], [0xe5, 0x39, 0x35],
  [0x8e, 0x24, 0xaa], [0x00, 0x89, 0x7b], [0xff, 0xd5, 0x4f], [0x26, 0x32, 0x38],
]

/**
 * Bytes served for a generated "video": an MP4 `ftyp` box followed by filler.
 * It has the right MIME type and size but is NOT a playable video.
 */
function fakeVideoBytes(random: Prng, length: number): Buffer {
  const bytes = Buffer.alloc(length)
  bytes.writeUInt32BE(24, 0)
  bytes.write('ftypisom', 4, 'ascii')
  for (let i = 24; i < length; i++) bytes[i] = Math.floor(random.next() * 256)
  return bytes
}

export function generateMedia(world: World, store: AccountStore, random: Prng, count: number, base: number): void {
  let at = base - count * 90 * MINUTE - 5 * DAY
  for (let i = 0; i < count; i++) {
    at += random.int(10, 170) * MINUTE
    const isImage = random.chance(0.7)
    const width = random.int(32, 96)
    const height = random.int(24, 72)
    const from = random.pick(PALETTE)
    const bytes = isImage
      ? gradientPng(width, height, from, random.chance(0.3) ? from : random.pick(PALETTE))
      : fakeVideoBytes(random, random.int(2_048, 8_192))
    const extension = isImage ? 'png' : 'mp4'
    const fileType = isImage ? 'image' : 'video'
    const originalName = isImage ? `IMG_${2000 + i}.png` : `clip-${i + 1}.mp4`
    const media: MediaRec = {
      id: world.ids.next('media'),
      name: random.chance(0.8) ? random.pick(MEDIA_NAMES) : originalName,
      originalName,
      urlPath: storageUrlPath(store.id, fileType, at, random.token(6), extension),
      fileType,
      mimeType: isImage ? 'image/png' : 'video/mp4',
      extension,
      fileSize: bytes.length,
      // Some images lack metadata, as real libraries do; videos never have it.
      metadata: isImage && random.chance(0.85) ? { width, height } : null,
      uploadedBy: random.chance(0.2) ? 'admin' : 'client',
      isActive: random.chance(0.95),
      source: { kind: 'memory', bytes },
      createdAt: at,
      updatedAt: at,
    }
    store.addMedia(media)
  }
}
