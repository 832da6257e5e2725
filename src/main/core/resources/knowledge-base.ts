// The knowledge base: entries of five types re-read whole; uploads staged and streamed; a
// website's crawl polled online (kb-status, never queued); a catalog's products.
import { addKbProductsAction } from '../outbox/actions/add-kb-products'
import { createKbCatalogAction } from '../outbox/actions/create-kb-catalog'
import { createKbTextAction } from '../outbox/actions/create-kb-text'
import { deleteKbEntryAction } from '../outbox/actions/delete-kb-entry'
import { removeKbProductAction } from '../outbox/actions/remove-kb-product'
import { submitKbWebsiteAction } from '../outbox/actions/submit-kb-website'
import { updateKbEntryAction } from '../outbox/actions/update-kb-entry'
import { uploadKbFileAction } from '../outbox/actions/upload-kb-file'
import { syncKnowledgeBase } from '../sync/steps/knowledge-base'
import { defineResource } from './define'

export const knowledgeBaseResource = defineResource({
  name: 'knowledge-base',
  pattern: 'whole',
  endpoints: [
    'GET /knowledge-base',
    'POST /knowledge-base',
    'POST /knowledge-base/document',
    'POST /knowledge-base/voice',
    'POST /knowledge-base/product-catalog',
    'POST /knowledge-base/website',
    'GET /knowledge-base/{id}/status',
    'POST /knowledge-base/{id}/products',
    'DELETE /knowledge-base/{id}/products/{product_id}',
    'GET /knowledge-base/{id}',
    'PUT /knowledge-base/{id}',
    'DELETE /knowledge-base/{id}',
  ],
  fullPass: (ctx) => syncKnowledgeBase(ctx, true),
  refresh: { step: syncKnowledgeBase, cadence: 'half-hourly' },
  actions: [
    createKbTextAction,
    updateKbEntryAction,
    deleteKbEntryAction,
    uploadKbFileAction,
    createKbCatalogAction,
    submitKbWebsiteAction,
    addKbProductsAction,
    removeKbProductAction,
  ],
})
