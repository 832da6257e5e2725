import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, windowOptions } from '../../src/main/window-options'

describe('the app window', () => {
  it('is isolated, sandboxed and has no Node in the page', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: '/app/preload.cjs',
    })
  })

  it('allows no remote or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https?:)/)
  })
})
