// The voice view. Settings changes (whose provider key among them), the clone and its
// deletion go through the outbox; connectivity, warm-up and text to speech are online only,
// at the user's priority. The provider key the user types is told to the log's redactor and
// kept in the OS keychain under the account — not in SQLite, not in an outbox payload (the
// action reads it from the keychain when it goes out), not in an event; the page is told
// only its last 4 characters.
import { randomUUID } from 'node:crypto'
import { mkdir, open, rm, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Handlers } from '../../../shared/contract'
import { t } from '../language'
import { stageFile, unstage } from '../outbox/staging'
import { LocalFileError, NetworkError } from '../skylight'
import { sniffKbFile } from '../skylight/kb-rules'
import { checkVoiceSample } from '../skylight/voice-rules'
import { secretEnding } from '../secrets/account-secrets'
import { KeychainUnavailableError } from '../secrets/secret-store'
import { getVoice, saveVoiceSettings } from '../store'
import type { HandlerContext } from './context'

type VoiceHandlers = Pick<
  Handlers,
  'voice-get' | 'voice-update' | 'voice-set-key' | 'voice-status' | 'voice-clone' | 'voice-clone-data' | 'voice-preload' | 'voice-tts' | 'voice-delete'
>

const USER = { priority: 'user' as const }
const MAX_SPEECH_BYTES = 5 * 1024 * 1024

async function headOf(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r')
  try {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(64), 0, 64, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

/** The generated speech, read whole (it is short) so the page can play it from a blob. */
async function download(url: string): Promise<{ mimeType: string; bytes: Buffer }> {
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new NetworkError(t().voice_bad_audio_address(), 'no')
  let response: Response
  try {
    response = await fetch(parsed, { signal: AbortSignal.timeout(30_000) })
  } catch (error) {
    throw new NetworkError(t().voice_speech_unreachable(), 'no', undefined, { cause: error })
  }
  if (!response.ok) throw new NetworkError(t().voice_speech_http({ status: response.status }), 'maybe')
  const size = Number(response.headers.get('content-length') ?? 0)
  if (size > MAX_SPEECH_BYTES) throw new NetworkError(t().voice_speech_too_long(), 'maybe')
  const bytes = Buffer.from(await response.arrayBuffer())
  if (bytes.length > MAX_SPEECH_BYTES) throw new NetworkError(t().voice_speech_too_long(), 'maybe')
  const mimeType = (response.headers.get('content-type') ?? 'audio/mpeg').split(';')[0]!.trim()
  return { mimeType: mimeType.startsWith('audio/') ? mimeType : 'audio/mpeg', bytes }
}

export function voiceHandlers(ctx: HandlerContext): VoiceHandlers {
  const session = () => ctx.session()
  const db = () => session().store.db
  const queue = (kind: string, input: Record<string, unknown>) => ({ actionId: String(session().outbox.queue(kind, input).actionId) })

  async function queueSample(path: string, name: string | undefined, fileName = basename(path)) {
    try {
      const staged = await stageFile(session().outbox.stagingDir, path, checkVoiceSample)
      try {
        const wrong = sniffKbFile(fileName, await headOf(staged.stagingPath))
        if (wrong) throw new LocalFileError(wrong)
        const { accepted: _a, ...file } = staged
        return { fileName, ok: true, actionId: queue('clone-voice', { ...file, ...(name ? { name } : {}) }).actionId }
      } catch (error) {
        await unstage(staged.stagingPath)
        throw error
      }
    } catch (error) {
      if ((error as { type?: string }).type === 'invalid-input') return { fileName, ok: false, message: (error as Error).message }
      throw error
    }
  }

  /** The settings, with the ending of the key saved on this computer (none when the keychain cannot be read). */
  async function view() {
    const { accountId } = session()
    const key = await ctx.accounts.secret(accountId, 'voice-provider-key').catch(() => null)
    return { ...getVoice(db()), ownKey: key ? { ending: secretEnding(key) } : null }
  }

  return {
    'voice-get': view,
    'voice-update': async (changes) => queue('update-voice-settings', { changes }),
    'voice-set-key': async ({ key }) => {
      const { accountId } = session()
      try {
        if (key) {
          ctx.redactor?.addSecret(key)
          await ctx.accounts.setSecret(accountId, 'voice-provider-key', key)
        } else {
          await ctx.accounts.deleteSecret(accountId, 'voice-provider-key')
        }
      } catch (error) {
        // Nothing is queued: SkyLight is told only what the keychain holds.
        if (error instanceof KeychainUnavailableError) throw new KeychainUnavailableError(error.detail, process.platform, 'voice-provider-key')
        throw error
      }
      queue('update-voice-settings', { changes: {}, providerKey: key ? 'own' : 'skylight' })
      return view()
    },
    'voice-status': async () => session().api.voice.status(USER),
    'voice-clone': async ({ path, name }) => queueSample(path, name),
    'voice-clone-data': async ({ fileName, size, base64, name }) => {
      const file = basename(fileName.replace(/\\/g, '/'))
      const check = checkVoiceSample(file, size)
      if (!check.ok) return { fileName: file, ok: false, message: check.reason }
      const bytes = Buffer.from(base64, 'base64')
      if (bytes.length !== size) return { fileName: file, ok: false, message: `“${file}” arrived incomplete; drop it again.` }
      const dir = join(session().folder, 'incoming', randomUUID())
      await mkdir(dir, { recursive: true })
      try {
        await writeFile(join(dir, file), bytes)
        return await queueSample(join(dir, file), name, file)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
    'voice-preload': async () => {
      saveVoiceSettings(db(), await session().api.voice.preload(USER))
      return view()
    },
    'voice-tts': async ({ text }) => {
      const spoken = await session().api.voice.tts(text, USER)
      const { mimeType, bytes } = await download(spoken.audio_url)
      return { audioUrl: spoken.audio_url, mimeType, base64: bytes.toString('base64') }
    },
    'voice-delete': async () => queue('remove-cloned-voice', {}),
  }
}
