/**
 * Scripts the browser benchmarks add to a page before its own code runs. They only observe:
 * they read the DOM (through every open shadow root) and timestamp WebSocket messages as they
 * arrive, before socket.io sees them.
 */

/** window.__deepText(root): the text of the page, shadow roots included. */
export function deepTextSource(): string {
  return `window.__deepText = function __deepText(root) {
    let text = '';
    for (const node of root.childNodes) {
      if (node.nodeType === 3) text += node.textContent;
      else if (node.nodeType === 1) {
        if (node.shadowRoot) text += ' ' + __deepText(node.shadowRoot);
        text += ' ' + __deepText(node);
      }
    }
    return text;
  };`;
}

/**
 * Records `window.__benchFirstRender` (ms since navigation start) at the first animation frame
 * that shows `text` anywhere on the page.
 */
export function firstRenderProbe(text: string): string {
  return `${deepTextSource()}
  (() => {
    const wanted = ${JSON.stringify(text)};
    const look = () => {
      if (document.body && __deepText(document.body).includes(wanted)) window.__benchFirstRender = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  })();`;
}

/**
 * window.__benchWatch(text) arms the probe (await it before making the change);
 * window.__benchResult() then resolves once a WebSocket message containing `text` has been fully
 * handled by the page: `script` is the time from the message's arrival until every task and
 * microtask it caused has run (socket.io, the schedule store, Lit's updates), `layout` adds the
 * style and layout of the result; `shown` says whether the text is then on the page. It rejects
 * when no such message comes within 10 s. socket.io starts on HTTP long-polling: wait for
 * window.__benchUpgraded (the switch to the WebSocket) before measuring.
 */
export function updateProbe(): string {
  return `${deepTextSource()}
  (() => {
    let watcher = null;
    let result = null;
    window.__benchWatch = (text) => {
      result = new Promise((resolve, reject) => {
        watcher = { text, resolve };
        setTimeout(() => reject(new Error('no message with "' + text + '" within 10 s')), 10000);
      });
    };
    window.__benchResult = () => result;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      send(data) {
        // engine.io's "upgrade" packet: from now on every message comes over this WebSocket.
        if (data === '5') window.__benchUpgraded = true;
        super.send(data);
      }
      constructor(...args) {
        super(...args);
        // Registered before socket.io's own handler, so it sees the message first.
        this.addEventListener('message', (event) => {
          const w = watcher;
          if (!w || typeof event.data !== 'string' || !event.data.includes(w.text)) return;
          watcher = null;
          const start = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const script = performance.now() - start;
            void document.documentElement.offsetHeight;
            const layout = performance.now() - start;
            w.resolve({ script, layout, shown: __deepText(document.body).includes(w.text) });
          };
          channel.port2.postMessage(0);
        });
      }
    };
  })();`;
}
