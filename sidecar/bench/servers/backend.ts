import http from 'node:http';

/** The Node fallback backend (used when nginx is absent): a fixed small JSON answer over keep-alive. */
const body = Buffer.from('{"hello":"from the bench backend","items":[1,2,3]}');
const port = Number(process.argv[2]);
http
  .createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  })
  .listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
