// Where API keys are kept. The app uses the OS keychain; when there is none (Linux without a
// Secret Service) the user may choose to keep a key for this session only — never on disk.
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
        ? `${keychainAdvice(platform, 'your API key')} You can keep the key for this session only instead; it is never written to disk.`
        : `${keychainAdvice(platform, 'your voice provider key')} Your key was not saved.`,
    )
    this.name = 'KeychainUnavailableError'
    this.detail = detail
  }
}

function keychainAdvice(platform: NodeJS.Platform, what: string): string {
  switch (platform) {
    case 'linux':
      return `No keychain is available to store ${what}. Install and unlock a Secret Service — GNOME Keyring (sudo apt install gnome-keyring) or KWallet — then try again.`
    case 'darwin':
      return `The macOS Keychain refused to store ${what}. Unlock your login keychain in Keychain Access, then try again.`
    default:
      return `Windows Credential Manager refused to store ${what}. Check that you are signed in to your Windows account, then try again.`
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
