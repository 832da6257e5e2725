// What a voice-clone sample may be: a short recording in a common audio format, checked
// before it is queued (and by its first bytes once staged, with the knowledge base's sniffer).
import { extname } from 'node:path'
import { t } from '../language'

const TYPES: Record<string, string> = { mp3: 'audio/mpeg', wav: 'audio/wav', m4a: 'audio/mp4', ogg: 'audio/ogg', webm: 'audio/webm' }
export const MAX_SAMPLE_BYTES = 10 * 1024 * 1024

export type SampleCheck = { ok: true; mime: string } | { ok: false; reason: string }

export function checkVoiceSample(fileName: string, sizeBytes: number): SampleCheck {
  const mime = TYPES[extname(fileName).slice(1).toLowerCase()]
  if (!mime) return { ok: false, reason: t().voice_sample_type({ name: fileName, types: Object.keys(TYPES).join(', ') }) }
  if (sizeBytes > MAX_SAMPLE_BYTES) return { ok: false, reason: t().voice_sample_size({ name: fileName, size: sizeBytes / 1024 / 1024 }) }
  if (sizeBytes === 0) return { ok: false, reason: t().voice_sample_empty({ name: fileName }) }
  return { ok: true, mime }
}
