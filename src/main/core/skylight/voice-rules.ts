// What a voice-clone sample may be: a short recording in a common audio format, checked
// before it is queued (and by its first bytes once staged, with the knowledge base's sniffer).
import { extname } from 'node:path'

const TYPES: Record<string, string> = { mp3: 'audio/mpeg', wav: 'audio/wav', m4a: 'audio/mp4', ogg: 'audio/ogg', webm: 'audio/webm' }
export const MAX_SAMPLE_BYTES = 10 * 1024 * 1024

export type SampleCheck = { ok: true; mime: string } | { ok: false; reason: string }

export function checkVoiceSample(fileName: string, sizeBytes: number): SampleCheck {
  const mime = TYPES[extname(fileName).slice(1).toLowerCase()]
  if (!mime) return { ok: false, reason: `“${fileName}” can't be used as a voice sample: use an ${Object.keys(TYPES).join(', ')} recording.` }
  if (sizeBytes > MAX_SAMPLE_BYTES) return { ok: false, reason: `“${fileName}” is ${(sizeBytes / 1024 / 1024).toFixed(1)} MB; a voice sample can be up to 10 MB (a minute or two of speech).` }
  if (sizeBytes === 0) return { ok: false, reason: `“${fileName}” is empty.` }
  return { ok: true, mime }
}
