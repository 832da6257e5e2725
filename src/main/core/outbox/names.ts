// How an action's summary names the rows it is about: as the local copy names them when the
// outbox is shown (a contact renamed since still reads right), else by kind and id. Each
// table's declaration (store/schema/entity.ts) says which column names its rows.
import { eq } from 'drizzle-orm'
import { entity, fieldOf, type StoreDb } from '../store'
import { quote, type Names } from './actions/define'
import { nounAndId } from './nouns'

export function namesIn(db: StoreDb): Names {
  return (name, id) => {
    const spec = entity(name)
    if (spec.label) {
      const row = db.select({ label: spec.label }).from(spec.table).where(eq(spec.key, id)).get() as { label: unknown } | undefined
      if (typeof row?.label === 'string' && row.label !== '') return quote(row.label)
    }
    return nounAndId(name, id)
  }
}
