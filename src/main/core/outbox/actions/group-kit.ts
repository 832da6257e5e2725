// What differs between a tag, a list and a segment for the actions that create, rename and
// delete them: what the user calls it, the field that holds its name, its table's key in
// the outbox's payloads, and its API calls. The actions themselves (create-group.ts,
// rename-group.ts, delete-group.ts) are one shape over these three.
import type { CallOptions, SkyLightApi } from '../../skylight'
import type { Group } from '../../skylight/resources/groups'
import type { Tag } from '../../skylight/resources/tags'
import { t } from '../../language'
import type { GroupKind } from '../../store'

export interface GroupSpec {
  kind: GroupKind
  /** 'tag', 'list', 'segment' as the user reads it, in the core's language. */
  noun: () => string
  /** The payload's id field; the same names the outbox rewrites when a local id gets the server's. */
  idField: 'tagId' | 'listId' | 'segmentId'
  /** SkyLight names a tag's label `title`, a list's and a segment's `name`. */
  nameField: 'title' | 'name'
  create(api: SkyLightApi, name: string, call: CallOptions): Promise<Tag | Group>
  rename(api: SkyLightApi, id: number, name: string, call: CallOptions): Promise<Tag | Group>
  remove(api: SkyLightApi, id: number, call: CallOptions): Promise<unknown>
  /** Every one the server holds (small collections, read whole). */
  all(api: SkyLightApi, call: CallOptions): Promise<readonly (Tag | Group)[]>
}

const everyPage = async (read: (page: number) => Promise<{ items: Group[]; lastPage: number }>) => {
  const items: Group[] = []
  for (let page = 1; ; page++) {
    const result = await read(page)
    items.push(...result.items)
    if (page >= result.lastPage || result.items.length === 0) return items
  }
}

export const groupSpecs: Record<GroupKind, GroupSpec> = {
  tag: {
    kind: 'tag',
    noun: () => t().noun_tag(),
    idField: 'tagId',
    nameField: 'title',
    create: (api, name, call) => api.tags.create(name, call),
    rename: (api, id, name, call) => api.tags.rename(id, name, call),
    remove: (api, id, call) => api.tags.delete(id, call),
    all: async (api, call) => (await api.tags.list(call)).items,
  },
  list: {
    kind: 'list',
    noun: () => t().noun_list(),
    idField: 'listId',
    nameField: 'name',
    create: (api, name, call) => api.lists.create(name, call),
    rename: (api, id, name, call) => api.lists.update(id, { name }, call),
    remove: (api, id, call) => api.lists.delete(id, call),
    all: (api, call) => everyPage((page) => api.lists.list({ page, per_page: 100 }, call)),
  },
  segment: {
    kind: 'segment',
    noun: () => t().noun_segment(),
    idField: 'segmentId',
    nameField: 'name',
    create: (api, name, call) => api.segments.create(name, call),
    rename: (api, id, name, call) => api.segments.update(id, { name }, call),
    remove: (api, id, call) => api.segments.delete(id, call),
    all: (api, call) => everyPage((page) => api.segments.list({ page, per_page: 100 }, call)),
  },
}

/** A tag's title or a list's name, whichever the record has. */
export const nameOf = (record: Tag | Group): string => ('title' in record ? record.title : record.name)

/** The docs: a tag's title at most 100 characters; a list's name is a string (Laravel's 255). */
export const maxName = (kind: GroupKind): number => (kind === 'tag' ? 100 : 255)
