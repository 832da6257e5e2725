// @vitest-environment jsdom
// A view loaded when first shown: it appears once its module arrives, at once on the next
// visit (no empty frame between views), and a module that cannot load says so in words.
import { cleanup, render, screen } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { afterEach, describe, expect, it } from 'vitest'
import LazyView, { type ViewModule } from '../src/components/common/LazyView.svelte'
import Empty from '../src/components/common/Empty.svelte'

afterEach(() => cleanup())

describe('a view loaded when first shown', () => {
  it('shows the view once its module arrives, and at once the next time', async () => {
    let arrive!: (module: ViewModule) => void
    const load = () => new Promise<ViewModule>((resolve) => (arrive = resolve))
    render(LazyView, { props: { load, props: { title: 'Contacts view' } } })
    expect(screen.queryByText('Contacts view')).toBeNull()
    arrive({ default: Empty })
    await screen.findByText('Contacts view')
    cleanup()
    render(LazyView, { props: { load, props: { title: 'Contacts view' } } })
    flushSync()
    expect(screen.getByText('Contacts view')).toBeTruthy()
  })

  it('says so when the view cannot be loaded', async () => {
    render(LazyView, { props: { load: () => Promise.reject(new Error('chunk missing')) } })
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be opened/)
  })
})
