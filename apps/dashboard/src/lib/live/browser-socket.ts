import type { OpenSocket } from './live-connection.ts';

/** The live stream's address on this origin: the session cookie goes along, so it needs no token. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;
}

/** A browser WebSocket behind the small interface `LiveConnection` drives. */
export const openBrowserSocket: OpenSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.addEventListener('open', () => handlers.open());
  socket.addEventListener('message', (event: MessageEvent) => {
    if (typeof event.data === 'string') handlers.message(event.data);
  });
  // An error is always followed by a close, which carries the code we act on.
  socket.addEventListener('close', (event: CloseEvent) => handlers.close(event.code, event.reason));
  return {
    send: (data) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(data);
    },
    close: (code, reason) => socket.close(code, reason),
  };
};
