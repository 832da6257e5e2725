// How a summary calls a row it has no name for ("contact 12"), in the core's language; an
// entity without a catalog word keeps its schema declaration's English noun.
import { t } from '../language'
import { entity, type EntityName } from '../store'

const words: Partial<Record<string, () => string>> = {
  contact: () => t().noun_contact(),
  campaign: () => t().noun_campaign(),
  media: () => t().noun_media(),
  list: () => t().noun_list(),
  segment: () => t().noun_segment(),
  'ai-agent': () => t().noun_ai_agent(),
  'kb-entry': () => t().noun_kb_entry(),
  teamMember: () => t().noun_team_member(),
  webhook: () => t().noun_webhook(),
}

export function nounFor(name: EntityName): string {
  return words[name]?.() ?? entity(name).noun
}

/** "contact 12" / "جهة الاتصال 12". */
export function nounAndId(name: EntityName, id: number): string {
  return t().summary_noun_id({ noun: nounFor(name), id })
}
