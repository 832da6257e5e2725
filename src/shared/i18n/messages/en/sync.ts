// What a sync pass says when it removed nothing because it could not prove it saw a whole
// list (src/main/core/sync/pass-check.ts): the list named, the page that looked short.
// Steps name their lists in English ("tags"); the Arabic catalog words each one.
import type { Formatter } from '../../formatter'

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export const sync = (f: Formatter) => ({
  /** A list as the sync steps name it ("tags", "booking types"): in English, as it is. */
  sync_list_noun: (p: { noun: string }) => p.noun,
  sync_noun_list_members: (p: { id: number }) => `members of list ${p.id}`,
  sync_noun_segment_members: (p: { id: number }) => `members of segment ${p.id}`,
  sync_noun_campaign_recipients: (p: { name: string }) => `recipients of campaign “${p.name}”`,
  sync_none_but_known: (p: { noun: string; known: number }) => `SkyLight answered that there are no ${p.noun}, though ${f.n(p.known)} are stored here`,
  sync_short_page: (p: { page: number; last: number; noun: string; got: number; of: number }) =>
    `page ${f.n(p.page)} of ${f.n(p.last)} of the ${p.noun} came back with ${f.n(p.got)} of ${f.n(p.of)}`,
  sync_short_last_page: (p: { noun: string; got: number; of: number }) => `the last page of the ${p.noun} came back with ${f.n(p.got)} of ${f.n(p.of)}`,
  sync_incomplete: (p: { reason: string }) => `${capitalized(p.reason)}, so nothing was removed from this computer. It will be read again.`,
  sync_unreadable: (p: { invalid: number; noun: string; kept: number }) =>
    `${f.n(p.invalid)} ${p.noun} from SkyLight could not be read, so ${f.n(p.kept)} ${p.noun} not seen in this pass were kept on this computer rather than removed. The details are in the log.`,
  sync_stopped: (p: { why: string }) => `Sync stopped: ${p.why}`,
  sync_stopped_unexpectedly: (p: { why: string; seconds: number }) => `Sync stopped unexpectedly${p.why ? `: ${p.why}` : ''}. It starts again in ${f.n(p.seconds)} s.`,
})
