// Native notifications and the unread badge, following attention-rules.ts. The core's
// events are wired to notifyInbound/setUnread by the composition root.
import { app, nativeImage, Notification, type BrowserWindow } from 'electron'
import { t } from './core/language'
import {
  badgeFor,
  channelDropNotification,
  deskNoticeFor,
  dotBitmap,
  kbNotificationFor,
  notificationFor,
  windowTitleFor,
  type DeskNotice,
  type InboundMessage,
  type KbProcessed,
  type NotificationPrefs,
} from './attention-rules'

export interface Attention {
  notifyInbound(message: InboundMessage, prefs: NotificationPrefs): void
  notifyChannelDropped(drop: { type: string; syncStatus: string | null }): void
  notifyKbProcessed(entry: KbProcessed): void
  /** A ticket answered or a website visitor waiting or writing, seen by sync. */
  notifyDeskNotice(notice: DeskNotice, prefs: NotificationPrefs): void
  /** A view's notification (app-notify), as the user's settings allow. */
  notifyText(text: { title: string; body: string }, prefs: NotificationPrefs): void
  setUnread(count: number): void
}

export interface AttentionOptions {
  appName: string
  /** The main window, if one is open. */
  window: () => BrowserWindow | undefined
  /** Brings the window up and shows this contact's conversation. */
  openConversation: (accountId: string, contactId: number) => void
  /** Brings the window up, opening it again if it was closed. */
  showWindow: () => void
}

export function createAttention(options: AttentionOptions): Attention {
  // One live notification per contact: a newer message replaces the older toast, and the
  // references keep Electron from collecting a notification before its click arrives.
  const shown = new Map<number, Notification>()
  const dot = nativeImage.createFromBitmap(dotBitmap(16), { width: 16, height: 16 })

  return {
    notifyInbound(message, prefs) {
      const window = options.window()
      const text = notificationFor(message, { windowFocused: window?.isFocused() === true, prefs }, t())
      if (!text || !Notification.isSupported()) return
      shown.get(message.contactId)?.close()
      const notification = new Notification({ title: text.title, body: text.body, silent: text.silent })
      shown.set(message.contactId, notification)
      const forget = (): void => {
        if (shown.get(message.contactId) === notification) shown.delete(message.contactId)
      }
      notification.on('click', () => {
        forget()
        options.openConversation(message.accountId, message.contactId)
      })
      notification.on('close', forget)
      notification.show()
    },

    notifyChannelDropped(drop) {
      if (!Notification.isSupported()) return
      const text = channelDropNotification(drop, t())
      const notification = new Notification({ title: text.title, body: text.body })
      notification.on('click', () => options.showWindow())
      notification.show()
    },

    notifyKbProcessed(entry) {
      if (!Notification.isSupported()) return
      const text = kbNotificationFor(entry, t())
      new Notification({ title: text.title, body: text.body, silent: text.silent }).show()
    },

    notifyDeskNotice(notice, prefs) {
      const window = options.window()
      const text = deskNoticeFor(notice, { windowFocused: window?.isFocused() === true, prefs }, t())
      if (!text || !Notification.isSupported()) return
      const notification = new Notification({ title: text.title, body: text.body, silent: text.silent })
      notification.on('click', () => options.showWindow())
      notification.show()
    },

    notifyText(text, prefs) {
      if (!prefs.notifications || !Notification.isSupported()) return
      const notification = new Notification({ title: text.title, body: text.body, silent: !prefs.notificationSound })
      notification.on('click', () => options.showWindow())
      notification.show()
    },

    setUnread(count) {
      const badge = badgeFor(count, t())
      // macOS dock and Unity-style Linux launchers; a no-op returning false elsewhere.
      app.setBadgeCount(badge.count)
      const window = options.window()
      if (!window || window.isDestroyed()) return
      if (process.platform === 'win32') window.setOverlayIcon(badge.overlay ? dot : null, badge.description)
      window.setTitle(windowTitleFor(options.appName, badge))
    },
  }
}
