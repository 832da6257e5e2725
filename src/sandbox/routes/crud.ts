// The five routes of a plain resource — list, get, create, update, delete — from one
// description, in the docs' conventions: `{success, data, message?}` envelopes, Laravel
// `meta` on paginated lists, 201 on create, 204 on delete, 422 with field errors on invalid
// input and `{success: false, message: "<Label> not found."}` for an id that is not the
// caller's. A new resource's sandbox side is its record type, its JSON shape and this call;
// what is truly special (nested routes, commands) is added beside it by hand.
import type { z } from 'zod'
import type { AccountStore } from '../data/account-store'
import type { IdKind } from '../data/world'
import { pageRequest, paginateArray } from '../http/pagination'
import { json, noContent, notFound, ok } from '../http/respond'
import type { RouteContext, Router } from '../http/router'
import { validate } from '../http/validate'
import { param } from './lookup'

/** A stored record: an id (per-kind sequence) and a write time. */
export interface CrudRecord {
  id: number
  updatedAt: number
}

export interface CrudList<R> {
  /**
   * 'whole' answers every record without `meta` (the docs' tags and lists examples);
   * a page size answers Laravel pages ({current_page, last_page, per_page, total}).
   */
  pages: 'whole' | { perPage: number; maxPerPage: number }
  /** Default: id order. */
  order?: (a: R, b: R) => number
  /** Query filters; throw validationFailed for a bad value, as Laravel would. */
  filter?: (query: URLSearchParams) => ((record: R) => boolean) | undefined
}

export interface CrudResource<R extends CrudRecord, C extends z.ZodType, U extends z.ZodType> {
  /** e.g. '/tags' or '/contacts/lists'; items live at `${path}/{id}`. */
  path: string
  /** Singular, capitalised: 'Tag' → "Tag not found.", "Tag created successfully." */
  label: string
  idKind: IdKind
  records: (store: AccountStore) => Map<number, R>
  json: (record: R, ctx: RouteContext) => unknown
  list: CrudList<R>
  /** false: the docs list no GET for one record (a request for it answers 405). */
  get?: boolean
  create: {
    schema: C
    /** Extra checks needing the account's data (e.g. a unique name); throw validationFailed. */
    check?: (input: z.output<C>, ctx: RouteContext) => void
    build: (input: z.output<C>, base: { id: number; createdAt: number; updatedAt: number }, ctx: RouteContext) => R
    /** Fields only the create answer shows (a webhook's secret), and its message. */
    reveal?: (record: R) => { fields: Record<string, unknown>; message: string }
  }
  update: {
    schema: U
    check?: (input: z.output<U>, record: R, ctx: RouteContext) => void
    apply: (record: R, input: z.output<U>, ctx: RouteContext) => void
    /** The docs use PUT; PATCH is accepted too (as Laravel's apiResource routes both) unless this says otherwise. */
    methods?: readonly ('PUT' | 'PATCH')[]
  }
  /** Default: removed from `records`. Cascades (memberships, assignments) go here. */
  remove?: (record: R, store: AccountStore) => void
}

export function crudRoutes<R extends CrudRecord, C extends z.ZodType, U extends z.ZodType>(
  router: Router,
  resource: CrudResource<R, C, U>,
): void {
  const { path, label } = resource
  const item = `${path}/{id}`
  const find = (ctx: RouteContext): R => {
    const record = resource.records(ctx.store).get(param(ctx.params, 'id'))
    if (!record) throw notFound(label)
    return record
  }

  router.get(path, (ctx) => {
    const { order = byId, filter, pages } = resource.list
    const keep = filter?.(ctx.query)
    const rows = [...resource.records(ctx.store).values()].filter((r) => !keep || keep(r)).sort(order)
    if (pages === 'whole') return ok(rows.map((r) => resource.json(r, ctx)))
    return paginateArray(rows, pageRequest(ctx.query, pages.perPage, pages.maxPerPage), (r) => resource.json(r, ctx))
  })

  router.post(path, (ctx) => {
    const input = validate(resource.create.schema, ctx.body)
    resource.create.check?.(input, ctx)
    const base = { id: ctx.world.ids.next(resource.idKind), createdAt: ctx.now, updatedAt: ctx.now }
    const record = resource.create.build(input, base, ctx)
    resource.records(ctx.store).set(record.id, record)
    const revealed = resource.create.reveal?.(record)
    const data = { ...(resource.json(record, ctx) as object), ...revealed?.fields }
    return json(201, { success: true, data, message: revealed?.message ?? `${label} created successfully.` }, { createdId: record.id })
  })

  if (resource.get !== false) router.get(item, (ctx) => ok(resource.json(find(ctx), ctx)))

  for (const method of resource.update.methods ?? ['PUT', 'PATCH']) {
    router.add(method, item, (ctx) => {
      const record = find(ctx)
      const input = validate(resource.update.schema, ctx.body)
      resource.update.check?.(input, record, ctx)
      resource.update.apply(record, input, ctx)
      record.updatedAt = ctx.now
      return ok(resource.json(record, ctx), `${label} updated successfully.`)
    })
  }

  router.delete(item, (ctx) => {
    const record = find(ctx)
    if (resource.remove) resource.remove(record, ctx.store)
    else resource.records(ctx.store).delete(record.id)
    return noContent()
  })
}

const byId = (a: CrudRecord, b: CrudRecord) => a.id - b.id
