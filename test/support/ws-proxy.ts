import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { WebSocketServer } from 'ws';

/**
 * What Neon runs in front of its PostgreSQL: WebSocket in, TCP out. Lets the
 * production driver (@neondatabase/serverless) talk to a plain local server.
 * Only loopback targets are accepted.
 */
export async function startWsProxy(
  port = 0,
): Promise<{ address: string; close: () => Promise<void> }> {
  const server: Server = createServer((_, res) => res.writeHead(426).end());
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket, req) => {
    const target = new URL(req.url ?? '/', 'http://x').searchParams.get('address') ?? '';
    const [host, portText] = target.split(':');
    if (!host || !['127.0.0.1', 'localhost'].includes(host) || !portText) {
      socket.close(1008, 'only loopback targets');
      return;
    }
    const tcp = connect(Number(portText), '127.0.0.1');
    tcp.on('data', (chunk) => socket.readyState === socket.OPEN && socket.send(chunk));
    tcp.on('close', () => socket.close());
    tcp.on('error', () => socket.close());
    socket.on('message', (data) => tcp.write(data as Buffer));
    socket.on('close', () => tcp.end());
    socket.on('error', () => tcp.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const addr = server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  return {
    address: `127.0.0.1:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}
