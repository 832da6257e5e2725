import { mount } from 'svelte'
import App from './App.svelte'
import { call } from './lib/desk'
import { locale } from './lib/i18n.svelte'
import './app.css'

async function start(target: HTMLElement): Promise<void> {
  // The first frame is drawn in the user's language: its words (and only its) are fetched
  // first. A core that cannot be asked leaves the computer's language; App then says why.
  const settings = await call('settings-get', {}).catch(() => null)
  await locale.apply(settings ?? {})
  // Handed on, so the desk does not ask for them again.
  mount(App, { target, props: { settings } })
}

const target = document.getElementById('app')
if (!target) throw new Error('The page has no #app element')
void start(target)
