import http from 'node:http';
import httpProxy from 'http-proxy';

/**
 * The floor of our stack: http-proxy with the sidecar's upstream settings (keep-alive agent, same pool size,
 * X-Forwarded-*, path rewrite to the upstream base) and no checks at all.
 */
const [port, upstreamPort] = process.argv.slice(2).map(Number) as [number, number];
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, timeout: 60_000 });
const proxy = httpProxy.createProxyServer({ xfwd: true, changeOrigin: true, ignorePath: true, agent });
proxy.on('error', (_error, _req, res) => {
  if (res instanceof http.ServerResponse && !res.headersSent) res.writeHead(502).end();
});
const CONTEXT = '/bench/v1';
http
  .createServer((req, res) => {
    const url = req.url ?? '/';
    const rest = url.startsWith(CONTEXT) ? url.slice(CONTEXT.length) : url;
    proxy.web(req, res, { target: { protocol: 'http:', host: '127.0.0.1', port: String(upstreamPort), path: `/api${rest}` } });
  })
  .listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
