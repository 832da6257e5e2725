// window.desk for a page in a plain browser: the same { invoke, on } the Electron preload
// gives, carried over a WebSocket to the browser host, which serves the core's contract.
// No pathForFile: a plain page has no file paths, so dropped files travel as bytes.
;(() => {
  // The host serves the page only with its token, and takes the socket only with it too.
  const token = new URLSearchParams(location.search).get('token') ?? ''
  const socket = new WebSocket(`ws://${location.host}/desk?token=${encodeURIComponent(token)}`)
  const opened = new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(undefined), { once: true })
    socket.addEventListener('error', () => reject(new Error('The test host could not be reached')), { once: true })
  })
  const pending = new Map()
  const listeners = new Map()
  let nextId = 1

  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data))
    if (data.kind === 'result') {
      pending.get(data.id)?.(data.result)
      pending.delete(data.id)
    } else if (data.kind === 'event') {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload)
    }
  })
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { type: 'network', message: 'The core went away.' } })
    pending.clear()
  })

  window.desk = {
    async invoke(method, input) {
      await opened
      const id = nextId++
      return new Promise((resolve) => {
        pending.set(id, resolve)
        socket.send(JSON.stringify({ kind: 'invoke', id, method, input }))
      })
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  }
})()
