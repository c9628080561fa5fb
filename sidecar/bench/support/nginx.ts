import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hasCommand, type Managed, pinned, startManaged } from './processes';

export const NGINX = hasCommand('nginx', ['/usr/sbin/nginx']);

export const BACKEND_BODY = '{"hello":"from the bench backend","items":[1,2,3]}';

/**
 * nginx as an unprivileged foreground process: its own prefix under the run's temp dir, `daemon off`,
 * `master_process off` (so the one process measured is the one doing the work), 1 worker, no access log.
 */
function nginxConfig(prefix: string, server: string, extraHttp = ''): string {
  return `daemon off;
master_process off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  keepalive_requests 1000000;
  ${extraHttp}
  server {
    ${server}
  }
}
`;
}

function startNginx(name: string, dir: string, config: string, cpu: number | null): Managed {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, config);
  return startManaged(name, pinned(cpu, NGINX as string, ['-p', dir, '-c', file]));
}

/** A static backend: the cheapest real HTTP server available, so the proxies, not the backend, are what saturates. */
export function startNginxBackend(dir: string, port: number, cpu: number | null): Managed {
  const server = `listen 127.0.0.1:${port};
    location / { default_type application/json; return 200 '${BACKEND_BODY}'; }`;
  return startNginx('nginx-backend', dir, nginxConfig(dir, server), cpu);
}

/** nginx configured like the sidecar's upstream side: HTTP/1.1 keep-alive pool, X-Forwarded-*, no key checks. */
export function startNginxProxy(dir: string, port: number, upstreamPort: number, cpu: number | null): Managed {
  const upstream = `upstream backend { server 127.0.0.1:${upstreamPort}; keepalive 256; }`;
  const server = `listen 127.0.0.1:${port};
    location /bench/v1/ {
      proxy_pass http://backend/api/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $proxy_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $host;
      proxy_set_header X-Api-Key "";
    }`;
  return startNginx('nginx-proxy', dir, nginxConfig(dir, server, upstream), cpu);
}
