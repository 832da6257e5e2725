// Secrets an account holds besides its API key — the user's own voice-provider key — kept in
// the same store as that key (the OS keychain; memory for a session-only account), under an
// entry of their own: `<account id>:<name>`. Account ids never hold a colon, so these entries
// cannot be mistaken for an account's API key.
export const ACCOUNT_SECRETS = ['voice-provider-key'] as const
export type AccountSecretName = (typeof ACCOUNT_SECRETS)[number]

export function secretEntry(accountId: string, name: AccountSecretName): string {
  return `${accountId}:${name}`
}

/** What the interface may show of a saved secret: that there is one, and its last 4 characters. */
export function secretEnding(secret: string): string {
  return secret.length >= 8 ? secret.slice(-4) : ''
}
