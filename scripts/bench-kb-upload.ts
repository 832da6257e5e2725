// Uploads a document at the knowledge base's size cap to the sandbox through the real client:
// peak memory growth, then time (wall and CPU) and progress events — see
// scripts/lib/upload-bench.ts. The upload streams from disk (the media library's multipart
// body), so growth should stay a small fraction of the file size. Run: npm run bench:kb-upload
import { runUploadBench } from './lib/upload-bench'
import { KB_MAX_BYTES } from '../src/main/core/skylight/kb-rules'

runUploadBench({
  fileName: 'Product manual.pdf',
  size: KB_MAX_BYTES.document,
  signature: '%PDF-1.4\n',
  upload: (api, file, onProgress) => api.knowledgeBase.uploadDocument(file, { title: 'Benchmark document', ...(onProgress ? { onProgress } : {}) }),
}).catch((error) => {
  console.error(error)
  process.exit(1)
})
