// Where API keys are kept. The app uses the OS keychain; when there is none (Linux without a
// Secret Service) the user may choose to keep a key for this session only — never on disk.
import { t } from '../language'

export interface SecretStore {
  /** 'keychain': survives restarts; 'session': forgotten when the app quits. */
  readonly kind: 'keychain' | 'session'
  get(accountId: string): Promise<string | null>
  set(accountId: string, secret: string): Promise<void>
  delete(accountId: string): Promise<boolean>
}

/** The keychain could not be used; the message says what to install or unlock. */
export class KeychainUnavailableError extends Error {
  readonly type = 'keychain-unavailable'
  readonly detail: string
  /** `secret`: what was being stored; only an account's API key can be kept for this session instead. */
  constructor(detail: string, platform: NodeJS.Platform = process.platform, secret: 'api-key' | 'voice-provider-key' = 'api-key') {
    super(
      secret === 'api-key'
        ? t().keychain_session_instead({ advice: keychainAdvice(platform, t().keychain_what_api_key()) })
        : t().keychain_not_saved({ advice: keychainAdvice(platform, t().keychain_what_voice_key()) }),
    )
    this.name = 'KeychainUnavailableError'
    this.detail = detail
  }
}

function keychainAdvice(platform: NodeJS.Platform, what: string): string {
  switch (platform) {
    case 'linux':
      return t().keychain_linux({ what })
    case 'darwin':
      return t().keychain_mac({ what })
    default:
      return t().keychain_windows({ what })
  }
}

/** Keeps keys in memory for this run of the app only. */
export class SessionSecretStore implements SecretStore {
  readonly kind = 'session'
  #secrets = new Map<string, string>()

  async get(accountId: string): Promise<string | null> {
    return this.#secrets.get(accountId) ?? null
  }

  async set(accountId: string, secret: string): Promise<void> {
    this.#secrets.set(accountId, secret)
  }

  async delete(accountId: string): Promise<boolean> {
    return this.#secrets.delete(accountId)
  }
}
