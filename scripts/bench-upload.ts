// Uploads a file at the media library's size cap (50 MB) to the sandbox through the real
// client: peak memory growth, then time (wall and CPU) and progress events — see
// scripts/lib/upload-bench.ts. The upload streams from disk, so growth should stay a small
// fraction of the file size. Run: npm run bench:upload
import { runUploadBench } from './lib/upload-bench'
import { MAX_UPLOAD_BYTES } from '../src/main/core/skylight/media-rules'

runUploadBench({
  fileName: 'big-video.mp4',
  size: MAX_UPLOAD_BYTES,
  upload: (api, file, onProgress) => api.media.upload(file, { name: 'Benchmark upload', ...(onProgress ? { onProgress } : {}) }),
}).catch((error) => {
  console.error(error)
  process.exit(1)
})
