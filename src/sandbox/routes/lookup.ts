// Finds a record of the caller's account or answers 404: another account's ids are
// indistinguishable from ids that never existed.
import type { AccountStore, GroupKind } from '../data/account-store'
import type { CampaignRec, ContactRec, GroupRec, MediaRec, TagRec } from '../data/model'
import { notFound } from '../http/respond'

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw notFound(what)
  return value
}

export const findContact = (s: AccountStore, id: number): ContactRec => found(s.contacts.get(id), 'Contact')
export const findTag = (s: AccountStore, id: number): TagRec => found(s.tags.get(id), 'Tag')
export const findGroup = (s: AccountStore, kind: GroupKind, id: number): GroupRec =>
  found(s.groups(kind).get(id), kind === 'list' ? 'List' : 'Segment')
export const findMedia = (s: AccountStore, id: number): MediaRec => found(s.media.get(id), 'Media file')
export const findCampaign = (s: AccountStore, id: number): CampaignRec => found(s.campaigns.get(id), 'Campaign')

export function param(params: Record<string, number>, name: string): number {
  const value = params[name]
  if (value === undefined) throw new Error(`route has no {${name}} parameter`)
  return value
}
