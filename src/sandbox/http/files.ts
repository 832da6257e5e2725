// Public media URLs (/storage/media/<account>/<images|videos>/<file>): no auth, like a storage bucket.
import type { World } from '../data/world'
import { json, type Result } from './respond'

export function serveFile(world: World, path: string): Result {
  // Speech made by POST /voice/tts, public like the docs' audio URL.
  const voice = /^\/storage\/voice\/(\d+)\//.exec(path)
  const audio = voice ? world.account(Number(voice[1]))?.voice.audio.get(path) : undefined
  if (audio) return { kind: 'file', status: 200, contentType: 'audio/wav', size: audio.length, source: { kind: 'memory', bytes: audio } }
  const m = /^\/storage\/media\/(\d+)\//.exec(path)
  const store = m ? world.account(Number(m[1])) : undefined
  const media = store?.mediaByUrlPath.get(path)
  if (!media) return json(404, { success: false, message: 'File not found.' })
  return { kind: 'file', status: 200, contentType: media.mimeType, size: media.fileSize, source: media.source }
}
