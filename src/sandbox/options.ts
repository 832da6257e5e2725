// Options of startSandbox() and the named data sizes.
import type { MessageOrder } from './data/world'

export interface DataSize {
  contacts: number
  /** Contacts that have a message history. */
  conversations: number
  /** Average number of messages per conversation. */
  messagesPerConversation: number
  /** Of those, conversations ten times as long (a long-standing customer), among the newest. */
  longThreads?: number
  media: number
  campaigns: number
}

export const SIZE_PRESETS = {
  small: { contacts: 40, conversations: 25, messagesPerConversation: 8, media: 30, campaigns: 5 },
  // Small enough that a demo account's first sync fits in one minute's 120 requests.
  demo: { contacts: 200, conversations: 60, messagesPerConversation: 20, media: 48, campaigns: 6 },
  bench: { contacts: 10_000, conversations: 2_000, messagesPerConversation: 55, longThreads: 3, media: 1_200, campaigns: 30 },
} as const satisfies Record<string, DataSize>

export type SizePreset = keyof typeof SIZE_PRESETS

export interface RateLimitOptions {
  limit: number
  windowMs: number
}

export interface AutoAdvanceOptions {
  /** Interval between message status steps (sent → delivered → read). */
  messageMs: number
  /** Interval between campaign delivery steps. */
  campaignMs: number
}

export interface SandboxOptions {
  port?: number
  host?: string
  seed?: number
  size?: SizePreset | Partial<DataSize>
  accounts?: number
  rateLimit?: RateLimitOptions
  /** Order of GET /contacts/{id}/messages, which the docs leave open. */
  messageOrder?: MessageOrder
  autoAdvance?: false | Partial<AutoAdvanceOptions>
  /** Where uploads are written; default: a fresh temp dir, removed on close. */
  storageDir?: string
  /** The sandbox clock for new events (not for rate limiting, which uses real time). */
  now?: () => number
  /**
   * The /__sandbox/… control routes (they can read every account's key and change any
   * data): 'open' for tests and the CLI on loopback (default), 'api-key' to require one of
   * the sandbox's API keys (Authorization: Bearer or X-Api-Key), 'off' to not mount them
   * (the app's demo account; the process drives its sandbox through `control` directly).
   */
  controlRoutes?: ControlRoutes
}

export type ControlRoutes = 'open' | 'api-key' | 'off'
export const CONTROL_ROUTES: readonly ControlRoutes[] = ['open', 'api-key', 'off']

export const DEFAULT_AUTO_ADVANCE: AutoAdvanceOptions = { messageMs: 3_000, campaignMs: 2_000 }

export function resolveSize(size: SandboxOptions['size']): DataSize {
  if (size === undefined) return { ...SIZE_PRESETS.small }
  if (typeof size === 'string') {
    const preset = SIZE_PRESETS[size]
    if (!preset) throw new Error(`Unknown sandbox size "${String(size)}" (use small, demo or bench)`)
    return { ...preset }
  }
  return { ...SIZE_PRESETS.small, ...size }
}
