import { z } from 'zod'
import { digitSettings, languageSettings } from '../i18n/locale'
import { method } from './define'

export const settings = z.object({
  /** How often the inbox is checked for new messages while online. */
  syncIntervalSeconds: z.number().int().min(15).max(3600),
  /** Disk space for cached media files. */
  mediaCacheMb: z.number().int().min(100).max(100_000),
  /** A desktop notification for a message that arrives while the window is in the background. */
  notifications: z.boolean(),
  /** Whether that notification plays the system's sound. */
  notificationSound: z.boolean(),
  /** Which key sends a reply (the other way round starts a new line). */
  sendWith: z.enum(['enter', 'ctrl-enter']),
  /** The interface's language; 'system' follows the operating system's. */
  language: z.enum(languageSettings),
  /** Latin (0-9) or Arabic-Indic (٠-٩) digits in numbers and dates. */
  digits: z.enum(digitSettings),
})
export type Settings = z.output<typeof settings>

export const appMethods = {
  'app-info': method(
    z.object({}).strict(),
    z.object({ name: z.string(), version: z.string(), platform: z.string(), dataFolder: z.string() }),
  ),
  'settings-get': method(z.object({}).strict(), settings),
  'settings-set': method(settings.partial().strict(), settings),
  /** What the user must hear about this start: a damaged settings file or account list set aside. */
  'app-notices': method(z.object({}).strict(), z.object({ notices: z.array(z.string()) })),
  /**
   * A desktop notification for something a view noticed while the window was in the
   * background (a visitor waiting, support's answer); the shell shows it as the user's
   * settings say. A page cannot show one itself: the app refuses its permission requests.
   */
  'app-notify': method(z.object({ title: z.string().trim().min(1).max(120), body: z.string().max(400) }).strict(), z.object({})),
}
