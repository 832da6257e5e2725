// Facts about media files shared by upload, generation and serving.

export const MAX_UPLOAD_BYTES = 52_428_800 // 50 MB, as the media page states

export const MIME_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  mp4: 'video/mp4',
  avi: 'video/x-msvideo',
  mov: 'video/quicktime',
  wmv: 'video/x-ms-wmv',
  flv: 'video/x-flv',
  webm: 'video/webm',
}

export const ALLOWED_EXTENSIONS = Object.keys(MIME_TYPES)

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

export function fileTypeOf(extension: string): 'image' | 'video' {
  return (MIME_TYPES[extension] ?? '').startsWith('image/') ? 'image' : 'video'
}

/** Laravel-ish human size: "200 KB", "1.5 MB". */
export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${Number(value.toFixed(2))} ${units[unit]}`
}

/** Public URL path in the shape the docs show: /storage/media/<account>/images/<ts>_<rand>.<ext> */
export function storageUrlPath(accountId: number, fileType: 'image' | 'video', createdAt: number, rand: string, extension: string): string {
  const folder = fileType === 'image' ? 'images' : 'videos'
  return `/storage/media/${accountId}/${folder}/${Math.floor(createdAt / 1000)}_${rand}.${extension}`
}
