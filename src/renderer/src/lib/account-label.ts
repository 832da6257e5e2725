// How an account is named in lists: its SkyLight name, and where two accounts share a name,
// what tells them apart — the server, else SkyLight's own account number.
import type { AccountSummary } from '../../../shared/contract'

type Named = Pick<AccountSummary, 'id' | 'name' | 'baseUrl' | 'serverId'>

export function accountLabel(account: Named, all: readonly Named[]): string {
  const namesakes = all.filter((other) => other.id !== account.id && other.name === account.name)
  if (namesakes.length === 0) return account.name
  const host = new URL(account.baseUrl).host
  const hostTellsApart = namesakes.every((other) => new URL(other.baseUrl).host !== host)
  return hostTellsApart ? `${account.name} · ${host}` : `${account.name} · #${account.serverId}`
}
