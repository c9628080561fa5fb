import http from 'node:http';

/**
 * The demo stack's backend: a small real HTTP API behind the sidecar. Its OpenAPI documents are in public/openapi.
 * It echoes what the gateway forwarded on /echo, which is how people (and tests) see the headers the sidecar adds.
 */
const CITIES: Record<string, { lat: number; lon: number }> = {
  berlin: { lat: 52.52, lon: 13.4 },
  lisbon: { lat: 38.72, lon: -9.14 },
  nairobi: { lat: -1.29, lon: 36.82 },
  tokyo: { lat: 35.68, lon: 139.69 },
};

const BOOKS = [
  { id: 1, title: 'The Pragmatic Programmer', author: 'Hunt & Thomas', year: 1999 },
  { id: 2, title: 'Designing Data-Intensive Applications', author: 'Martin Kleppmann', year: 2017 },
  { id: 3, title: 'Release It!', author: 'Michael Nygard', year: 2007 },
];

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function forecast(city: string) {
  const seed = [...city].reduce((n, c) => n + c.charCodeAt(0), 0);
  return Array.from({ length: 3 }, (_, day) => ({ day, highC: 10 + ((seed + day * 7) % 20), lowC: 2 + ((seed + day * 3) % 10) }));
}

export function createDemoBackend(): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://backend');
    const path = url.pathname;
    if (path === '/weather/cities') return send(res, 200, { cities: Object.keys(CITIES) });
    if (path === '/weather/forecast') {
      const city = (url.searchParams.get('city') ?? 'berlin').toLowerCase();
      if (!CITIES[city]) return send(res, 404, { error: `unknown city ${city}` });
      return send(res, 200, { city, ...CITIES[city], days: forecast(city) });
    }
    if (path === '/books/books') return send(res, 200, { books: BOOKS });
    const book = path.match(/^\/books\/books\/(\d+)$/);
    if (book) {
      const found = BOOKS.find((b) => b.id === Number(book[1]));
      return found ? send(res, 200, found) : send(res, 404, { error: 'no such book' });
    }
    if (path.startsWith('/echo')) {
      let size = 0;
      req.on('data', (chunk: Buffer) => (size += chunk.length));
      req.on('end', () => send(res, 200, { method: req.method, path, query: url.search, headers: req.headers, bodyBytes: size }));
      return;
    }
    send(res, 404, { error: 'not found' });
  });
}

if (process.argv[1]?.endsWith('demo-backend.ts')) {
  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST ?? '127.0.0.1';
  createDemoBackend().listen(port, host, () => console.log(JSON.stringify({ msg: 'demo backend listening', url: `http://${host}:${port}` })));
}
