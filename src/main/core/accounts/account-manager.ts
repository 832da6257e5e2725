// The accounts of this install: adding one (its key checked with GET /account before
// anything is saved), switching, replacing a rejected key, removing (key and local data).
// Keys go only to a SecretStore: the OS keychain, or — when the user chooses it because
// there is no keychain — memory for this session.
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createSkyLightApi, type SkyLightApi } from '../skylight'
import { parseBaseUrl, type SkyLightClientOptions } from '../skylight/client'
import { UnauthorizedError, ValidationError } from '../skylight/errors'
import type { RateBudgets } from '../skylight/rate-budgets'
import { isLoopbackHost } from '../../../shared/contract/server-address'
import type { SecretRedactor } from '../log'
import { ACCOUNT_SECRETS, secretEntry, type AccountSecretName } from '../secrets/account-secrets'
import type { SecretStore } from '../secrets/secret-store'
import { loadRegistry, saveRegistry, type AccountRecord, type Registry } from './registry'

export const DEFAULT_BASE_URL = 'https://dashboard.skylightchat.com'

export interface AccountManagerOptions {
  dataDir: string
  keychain: SecretStore
  session: SecretStore
  /** Keys of demo accounts, put there by whoever starts the demo server. */
  demo?: SecretStore
  budgets: RateBudgets
  /** Client settings for every account (tests shorten timeouts and retries). */
  client?: Partial<Omit<SkyLightClientOptions, 'baseUrl' | 'apiKey' | 'budget'>>
  /** Told of every key this install holds (given, read from a store, replaced), for the log. */
  redactor?: SecretRedactor
  now?: () => number
}

export interface NewAccount {
  apiKey: string
  baseUrl?: string
  /** Keep the key in memory only (offered when the keychain is unavailable). */
  sessionOnly?: boolean
  /** An account of the built-in demo server, whose key lives in the `demo` store. */
  demo?: boolean
}

/** The stored address with credentials removed and http:// upgraded, except on this computer. */
function securedAddress(baseUrl: string): string {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    return baseUrl
  }
  url.username = ''
  url.password = ''
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) url.protocol = 'https:'
  return url.href
}

export class AccountNotFoundError extends Error {
  readonly type = 'not-found'
  constructor() {
    super('That account is no longer in SkyLight Desk.')
  }
}

export class AccountManager {
  readonly #o: AccountManagerOptions
  #registry: Registry = { version: 1, activeId: null, accounts: [] }

  private constructor(options: AccountManagerOptions) {
    this.#o = options
  }

  static async open(options: AccountManagerOptions): Promise<AccountManager> {
    const manager = new AccountManager(options)
    manager.#registry = await loadRegistry(options.dataDir)
    await manager.#secureStoredAddresses()
    return manager
  }

  /**
   * Addresses saved before http:// and credentials were refused: the credentials are
   * dropped from the file, and a remote http:// server is reached over https:// from now on
   * (if it has no https, its account shows it cannot connect; the key never goes in clear).
   */
  async #secureStoredAddresses(): Promise<void> {
    let changed = false
    this.#registry.accounts = this.#registry.accounts.map((account) => {
      const secured = securedAddress(account.baseUrl)
      if (secured === account.baseUrl) return account
      changed = true
      return { ...account, baseUrl: secured }
    })
    if (changed) await this.#save()
  }

  list(): AccountRecord[] {
    return this.#registry.accounts.map((a) => ({ ...a }))
  }

  get activeId(): string | null {
    return this.#registry.activeId
  }

  get(id: string): AccountRecord {
    const account = this.#registry.accounts.find((a) => a.id === id)
    if (!account) throw new AccountNotFoundError()
    return { ...account }
  }

  /** The account's own folder: its database, media cache and upload staging. */
  folder(id: string): string {
    return join(this.#o.dataDir, 'accounts', this.get(id).id)
  }

  async add(input: NewAccount): Promise<AccountRecord> {
    const apiKey = input.apiKey.trim()
    if (!apiKey) throw new ValidationError('Enter the API key from your SkyLight dashboard.', 0, { apiKey: ['Required'] })
    // Known to the log before its first use: a failed check may log the request.
    this.#hold(apiKey)
    const baseUrl = parseBaseUrl(input.baseUrl?.trim() || DEFAULT_BASE_URL).href
    const api = this.#api(baseUrl, apiKey)
    let profile
    try {
      profile = await api.account.get({ priority: 'user' })
    } catch (error) {
      if (error instanceof UnauthorizedError) {
        throw new ValidationError(
          'SkyLight did not accept this API key. Copy it again from your SkyLight dashboard and check the server address.',
          401,
          { apiKey: ['Rejected by SkyLight'] },
        )
      }
      throw error
    }
    if (this.#registry.accounts.some((a) => a.baseUrl === baseUrl && a.serverId === profile.id)) {
      // Adding it again is what a user tries when its key was rejected or lost: point to the fix.
      throw new ValidationError(
        `“${profile.display_name}” is already in SkyLight Desk. To give it a new key, choose “Enter a new key” beside it under Accounts.`,
        0,
        { apiKey: ['Already added'] },
      )
    }

    const record: AccountRecord = {
      id: randomUUID(),
      serverId: profile.id,
      name: profile.display_name,
      baseUrl,
      keyStorage: input.demo ? 'demo' : input.sessionOnly ? 'session' : 'keychain',
      addedAt: new Date(this.#now()).toISOString(),
      keyRejectedAt: null,
    }
    // The key is stored first: an account is never listed without a way to reach it.
    await this.#secrets(record).set(record.id, apiKey)
    this.#registry.accounts.push(record)
    this.#registry.activeId ??= record.id
    await this.#save()
    return { ...record }
  }

  async setActive(id: string): Promise<void> {
    this.get(id)
    this.#registry.activeId = id
    await this.#save()
  }

  /** A new key for an existing account; it must open the same SkyLight account. */
  async replaceKey(id: string, newKey: string, sessionOnly = false): Promise<AccountRecord> {
    const account = this.get(id)
    const apiKey = newKey.trim()
    this.#hold(apiKey)
    const profile = await this.#api(account.baseUrl, apiKey)
      .account.get({ priority: 'user' })
      .catch((error: unknown) => {
        if (error instanceof UnauthorizedError) {
          throw new ValidationError('SkyLight did not accept this API key either.', 401, { apiKey: ['Rejected by SkyLight'] })
        }
        throw error
      })
    if (profile.id !== account.serverId) {
      throw new ValidationError(`This key opens “${profile.display_name}”, not “${account.name}”.`, 0, {
        apiKey: ['Key of another account'],
      })
    }
    await this.#secrets(account).delete(id)
    const updated: AccountRecord = { ...account, keyStorage: sessionOnly ? 'session' : 'keychain', keyRejectedAt: null }
    await this.#secrets(updated).set(id, apiKey)
    if (this.#secrets(updated) !== this.#secrets(account)) await this.#moveSecrets(id, this.#secrets(account), this.#secrets(updated))
    this.#replace(updated)
    await this.#save()
    return { ...updated }
  }

  /** The demo server came back on another port. */
  async moveTo(id: string, baseUrl: string): Promise<void> {
    this.#replace({ ...this.get(id), baseUrl: parseBaseUrl(baseUrl).href })
    await this.#save()
  }

  /** SkyLight answered 401: stop using the key until the user gives a new one. Data is kept. */
  async markKeyRejected(id: string): Promise<void> {
    const account = this.get(id)
    if (account.keyRejectedAt) return
    this.#replace({ ...account, keyRejectedAt: new Date(this.#now()).toISOString() })
    await this.#save()
  }

  /** Deletes the key and every local file of the account. The caller closes its store first. */
  async remove(id: string): Promise<void> {
    const account = this.get(id)
    const folder = this.folder(id)
    const key = await this.#secrets(account).get(id).catch(() => null)
    await this.#secrets(account).delete(id)
    if (key) this.#o.redactor?.removeSecret(key)
    for (const name of ACCOUNT_SECRETS) await this.deleteSecret(id, name)
    this.#registry.accounts = this.#registry.accounts.filter((a) => a.id !== id)
    if (this.#registry.activeId === id) this.#registry.activeId = this.#registry.accounts[0]?.id ?? null
    await this.#save()
    await rm(folder, { recursive: true, force: true })
  }

  /** An API client for the account, or null when its key is gone (a session-only key after restart). */
  async api(id: string): Promise<SkyLightApi | null> {
    const account = this.get(id)
    const apiKey = await this.#secrets(account).get(id)
    if (!apiKey) return null
    this.#hold(apiKey)
    return this.#api(account.baseUrl, apiKey)
  }

  /** One of the account's other secrets (the voice-provider key), or null when none is saved. */
  async secret(id: string, name: AccountSecretName): Promise<string | null> {
    const value = await this.#secrets(this.get(id)).get(secretEntry(id, name))
    if (value) this.#hold(value)
    return value
  }

  /** Saves it where the account's API key is kept; the log redacts it from before it is stored. */
  async setSecret(id: string, name: AccountSecretName, value: string): Promise<void> {
    this.#hold(value)
    const store = this.#secrets(this.get(id))
    const before = await store.get(secretEntry(id, name)).catch(() => null)
    await store.set(secretEntry(id, name), value)
    if (before && before !== value) this.#o.redactor?.removeSecret(before)
  }

  /** Forgets it (true when there was one). */
  async deleteSecret(id: string, name: AccountSecretName): Promise<boolean> {
    const store = this.#secrets(this.get(id))
    const value = await store.get(secretEntry(id, name)).catch(() => null)
    const deleted = await store.delete(secretEntry(id, name))
    if (value) this.#o.redactor?.removeSecret(value)
    return deleted
  }

  /** The account's key moved to another store (a session-only key replaced by a kept one): its other secrets follow. */
  async #moveSecrets(id: string, from: SecretStore, to: SecretStore): Promise<void> {
    for (const name of ACCOUNT_SECRETS) {
      const value = await from.get(secretEntry(id, name)).catch(() => null)
      if (!value) continue
      await to.set(secretEntry(id, name), value)
      await from.delete(secretEntry(id, name)).catch(() => false)
    }
  }

  /** A key this install now holds: the log redacts it from here on. */
  #hold(apiKey: string): void {
    this.#o.redactor?.addSecret(apiKey)
  }

  #api(baseUrl: string, apiKey: string): SkyLightApi {
    return createSkyLightApi({ ...this.#o.client, baseUrl, apiKey, budget: this.#o.budgets.for(baseUrl, apiKey) })
  }

  #secrets(account: Pick<AccountRecord, 'keyStorage'>): SecretStore {
    switch (account.keyStorage) {
      case 'session':
        return this.#o.session
      case 'demo':
        return this.#o.demo ?? this.#o.session
      default:
        return this.#o.keychain
    }
  }

  #replace(record: AccountRecord): void {
    this.#registry.accounts = this.#registry.accounts.map((a) => (a.id === record.id ? record : a))
  }

  #now(): number {
    return (this.#o.now ?? Date.now)()
  }

  #save(): Promise<void> {
    return saveRegistry(this.#o.dataDir, this.#registry)
  }
}
