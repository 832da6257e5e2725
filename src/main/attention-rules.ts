// When and how the app asks for the user's attention: a notification for a message that
// arrives while they look elsewhere, and the unread count on the dock/taskbar. Decisions
// only — attention.ts makes the Electron calls. Words come in the core's language (`t`).
import { messagesFor, type Messages } from '../shared/i18n/messages'

const english = messagesFor('en', 'latin')

/** A new inbound message, as the core reports it. */
export interface InboundMessage {
  /** The account it came to (the app may hold several). */
  accountId: string
  contactId: number
  contactName: string
  /** The message text, or a short description of its media ("Photo"); may be empty. */
  preview: string
}

export interface NotificationText {
  title: string
  body: string
  /** No sound (the user turned it off in Settings). */
  silent: boolean
}

/** The user's choices in Settings. */
export interface NotificationPrefs {
  notifications: boolean
  notificationSound: boolean
}

const MAX_TITLE = 64
const MAX_BODY = 140

/** Nothing when the user is already looking at the app (the inbox shows it) or turned them off. */
export function notificationFor(
  message: InboundMessage,
  context: { windowFocused: boolean; prefs: NotificationPrefs },
  t: Messages = english,
): NotificationText | undefined {
  if (context.windowFocused || !context.prefs.notifications) return undefined
  const title = shorten(oneLine(message.contactName), MAX_TITLE) || t.notify_new_message()
  const body = shorten(oneLine(message.preview), MAX_BODY) || t.notify_sent_you_message()
  return { title, body, silent: !context.prefs.notificationSound }
}

/** What sync saw that a person should act on (the core's events of the same names). */
export type DeskNotice =
  | { kind: 'ticket-answered'; subject: string }
  | { kind: 'web-chat-waiting'; visitor: string | null }
  | { kind: 'web-chat-visitor-message'; visitor: string | null; preview: string }

/**
 * Shown by the shell, so it comes with the window closed too (the views' live regions say
 * the same to a user who is looking); nothing when the window is in front or they are off.
 */
export function deskNoticeFor(
  notice: DeskNotice,
  context: { windowFocused: boolean; prefs: NotificationPrefs },
  t: Messages = english,
): NotificationText | undefined {
  if (context.windowFocused || !context.prefs.notifications) return undefined
  const silent = !context.prefs.notificationSound
  if (notice.kind === 'ticket-answered') {
    return { title: t.tickets_notify_title(), body: shorten(t.tickets_answered({ subject: oneLine(notice.subject) }), MAX_BODY), silent }
  }
  const visitor = shorten(oneLine(notice.visitor ?? ''), MAX_TITLE - 20) || t.webchat_anonymous()
  if (notice.kind === 'web-chat-waiting') return { title: t.webchat_notify_title(), body: shorten(t.webchat_visitor_waiting({ visitor }), MAX_BODY), silent }
  return { title: shorten(t.webchat_wrote_title({ visitor }), MAX_TITLE), body: shorten(t.webchat_visitor_wrote({ visitor, preview: oneLine(notice.preview) }), MAX_BODY), silent }
}

/** A knowledge-base entry that finished or failed processing, as the core reports it. */
export interface KbProcessed {
  title: string
  status: 'active' | 'failed'
  error: string | null
}

/** Shown even with the window focused: a crawl finishes in the background, often minutes later. */
export function kbNotificationFor(entry: KbProcessed, t: Messages = english): NotificationText {
  const name = shorten(oneLine(entry.title), MAX_TITLE - 20) || t.notify_kb_entry()
  return entry.status === 'active'
    ? { title: t.notify_kb_updated(), body: t.notify_kb_ready({ name }), silent: true }
    : { title: t.notify_kb_failed(), body: shorten(t.notify_kb_failed_body({ name, error: oneLine(entry.error ?? '') }), MAX_BODY), silent: true }
}

export interface BadgeState {
  /** For app.setBadgeCount (macOS dock, Linux launchers); 0 clears it. */
  count: number
  /** Whether Windows' taskbar shows the overlay dot (it has no numeric badge). */
  overlay: boolean
  /** Read out by screen readers for the overlay, and shown as the window title suffix. */
  description: string
}

export function badgeFor(unread: number, t: Messages = english): BadgeState {
  const count = Number.isFinite(unread) ? Math.max(0, Math.floor(unread)) : 0
  if (count === 0) return { count: 0, overlay: false, description: '' }
  return { count, overlay: true, description: t.notify_unread({ n: count }) }
}

export function windowTitleFor(appName: string, badge: BadgeState): string {
  return badge.count > 0 ? `${appName} (${badge.count > 999 ? '999+' : badge.count})` : appName
}

/**
 * The overlay's picture: a filled red dot with a thin white ring, as raw BGRA pixels for
 * nativeImage.createFromBitmap (no image file to ship, no canvas in main).
 */
export function dotBitmap(size = 16): Buffer {
  const pixels = Buffer.alloc(size * size * 4)
  const center = (size - 1) / 2
  const radius = size / 2
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - center, y - center)
      if (distance > radius - 0.5) continue
      const ring = distance > radius - 2
      const offset = (y * size + x) * 4
      pixels[offset] = ring ? 0xff : 0x2a // blue
      pixels[offset + 1] = ring ? 0xff : 0x2a // green
      pixels[offset + 2] = ring ? 0xff : 0xd9 // red
      pixels[offset + 3] = 0xff // alpha
    }
  }
  return pixels
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function shorten(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`
}

/** A channel that dropped: always worth a notification, focused or not (the work stops). */
export function channelDropNotification(drop: { type: string; syncStatus: string | null }, t: Messages = english): NotificationText {
  const names: Readonly<Record<string, () => string>> = { whatsapp: t.channel_whatsapp, telegram: t.channel_telegram, instagram: t.channel_instagram }
  const name = names[drop.type]?.() ?? drop.type
  const why = drop.syncStatus === 'CREDENTIALS' ? t.notify_channel_credentials() : t.notify_channel_waits()
  return { title: t.notify_channel_dropped({ name }), body: t.notify_channel_reconnect({ why }), silent: false }
}
