// How an action's summary names the rows it is about: as the local copy names them when the
// outbox is shown (a contact renamed since still reads right), else by kind and id.
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../store'
import { quote, type Names } from './actions/define'
import { t } from '../language'

const tables = { contact: 'contacts', campaign: 'campaigns', media: 'media', list: 'lists', segment: 'segments', aiAgent: 'ai_agents', kbEntry: 'kb_entries' } as const
const nouns = {
  contact: () => t().noun_contact(),
  campaign: () => t().noun_campaign(),
  media: () => t().noun_media(),
  list: () => t().noun_list(),
  segment: () => t().noun_segment(),
  aiAgent: () => t().noun_ai_agent(),
  kbEntry: () => t().noun_kb_entry(),
} as const

export function namesIn(db: StoreDb): Names {
  const name = (kind: keyof typeof tables) => (id: number) => {
    const row = db.get<{ name: string | null } | undefined>(sql`SELECT ${sql.identifier(kind === 'kbEntry' ? 'title' : 'name')} AS name FROM ${sql.identifier(tables[kind])} WHERE id = ${id}`)
    return row?.name ? quote(row.name) : t().summary_noun_id({ noun: nouns[kind](), id })
  }
  return { contact: name('contact'), campaign: name('campaign'), media: name('media'), list: name('list'), segment: name('segment'), aiAgent: name('aiAgent'), kbEntry: name('kbEntry') }
}
