// The OS keychain through keytar (Windows Credential Manager, macOS Keychain, the Secret
// Service on Linux): service = the app, account = the SkyLight account's local id.
// keytar is loaded on first use so a machine where it cannot load still starts the app.
import { KeychainUnavailableError, type SecretStore } from './secret-store'

type Keytar = typeof import('keytar')

export class KeychainSecretStore implements SecretStore {
  readonly kind = 'keychain'
  readonly service: string
  #keytar: Promise<Keytar> | undefined

  constructor(service = 'SkyLight Desk') {
    this.service = service
  }

  /** Resolves when the keychain answers; rejects with KeychainUnavailableError otherwise. */
  async check(): Promise<void> {
    await this.#call((k) => k.findCredentials(this.service))
  }

  get(accountId: string): Promise<string | null> {
    return this.#call((k) => k.getPassword(this.service, accountId))
  }

  set(accountId: string, secret: string): Promise<void> {
    return this.#call((k) => k.setPassword(this.service, accountId, secret))
  }

  delete(accountId: string): Promise<boolean> {
    return this.#call((k) => k.deletePassword(this.service, accountId))
  }

  async #call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    let keytar: Keytar
    try {
      this.#keytar ??= import('keytar').then((m) => ((m as { default?: Keytar }).default ?? m) as Keytar)
      keytar = await this.#keytar
    } catch (error) {
      this.#keytar = undefined
      throw new KeychainUnavailableError(`keytar could not load: ${(error as Error).message}`)
    }
    try {
      return await operation(keytar)
    } catch (error) {
      // keytar reports a missing Secret Service, a locked collection or a refused prompt as
      // plain errors; none of them must surface the secret or crash the app.
      throw new KeychainUnavailableError((error as Error).message ?? String(error))
    }
  }
}
