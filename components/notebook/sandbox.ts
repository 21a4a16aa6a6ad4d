/**
 * The sandbox cells run in: an iframe with `sandbox="allow-scripts"` and no allow-same-origin (an
 * opaque origin: no access to the page, its storage or its cookies), whose own Content Security
 * Policy forbids every network request. It starts the kernel in a worker made from a blob; the
 * worker inherits the frame's origin and policy. The frame only relays messages: page → kernel
 * over a private MessageChannel, kernel → page with postMessage to the page's origin.
 */

/** The frame's policy: inline and eval'd script (the kernel and the cells), blob workers, nothing else. */
export const SANDBOX_CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; connect-src 'none'";

/** The frame's whole document. `pageOrigin` is the only origin it talks to. */
export function sandboxDocument(pageOrigin: string): string {
  // Runs inside the frame. It trusts only messages from its parent window and origin.
  const relay = `(() => {
  const pageOrigin = ${JSON.stringify(pageOrigin)};
  let port = null;
  const tell = (message) => parent.postMessage(message, pageOrigin);
  addEventListener('message', (event) => {
    if (event.source !== parent || event.origin !== pageOrigin) return;
    const m = event.data;
    if (m && m.kind === 'boot' && typeof m.source === 'string' && port === null) {
      try {
        const worker = new Worker(URL.createObjectURL(new Blob([m.source], { type: 'text/javascript' })), { name: 'notebook-kernel' });
        const channel = new MessageChannel();
        port = channel.port1;
        port.onmessage = (e) => tell(e.data);
        worker.onerror = (e) => { e.preventDefault(); tell({ kind: 'crashed', message: String(e.message || 'the kernel stopped') }); };
        worker.postMessage({ kind: 'boot' }, [channel.port2]);
      } catch (e) {
        tell({ kind: 'crashed', message: String(e && e.message || e) });
      }
    } else if (m && m.kind === 'run' && port !== null) {
      port.postMessage(m);
    }
  });
})();`;
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"><title>Notebook kernel</title></head><body><script>${relay}</script></body></html>`;
}

/** A hidden sandbox frame on the page; `dispose()` removes it, which ends its worker too. */
export function createSandboxFrame(pageOrigin: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('title', 'Notebook kernel (runs the code cells)');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.hidden = true;
  frame.srcdoc = sandboxDocument(pageOrigin);
  document.body.append(frame);
  return frame;
}
