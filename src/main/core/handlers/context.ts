// What the contract handlers reach: the core's parts, passed in rather than imported, so
// each handler file is a thin translation between the contract and the core.
import type { AccountList, AccountSummary, Settings } from '../../../shared/contract'
import type { AccountManager } from '../accounts/account-manager'
import type { AccountSession } from '../account-session'
import type { AccountSessions } from '../account-sessions'
import type { CoreEvents } from '../core-events'
import type { DemoServer } from '../demo-server'
import type { SecretRedactor } from '../log'

export interface HandlerContext {
  dataDir: string
  appVersion: string
  /** The URL the window loads a cached file from (`<account>/<file>` in dataDir/media-cache), where the app serves them. */
  mediaUrl?: (relativePath: string) => string
  /** The log's redactor: told of credentials the user types (a voice provider key). */
  redactor?: SecretRedactor
  accounts: AccountManager
  sessions: AccountSessions
  events: CoreEvents
  demo: DemoServer
  settings(): Settings
  saveSettings(next: Settings): Promise<void>
  /** Messages for the user about this start (damaged files set aside). */
  notices(): string[]
  accountList(): AccountList
  summary(accountId: string): AccountSummary
  /** The session of the given account, else of the active one; a clear error when there is none. */
  session(accountId?: string): AccountSession
}
