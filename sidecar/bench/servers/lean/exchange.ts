import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../../src/logger';
import { problems } from '../../../src/proxy/problems';
import { sendProblem } from '../../../src/proxy/send-problem';
import { downstreamResponseHeaders } from './upstream-headers';
import type { ForwardContext } from './lean-upstream-proxy';

const NO_HEADERS: readonly string[] = [];
const kExchange = Symbol('gatehouse.exchange');
type Carrier = { [kExchange]?: Exchange };
const exchangeOf = (emitter: unknown) => (emitter as Carrier)[kExchange] as Exchange;

/**
 * One client request and its upstream request. The listeners are module-level functions that find their exchange
 * through the emitter, not closures: this runs for every request, and each closure costs an allocation (and, under
 * tsx's keep-names transform, a defineProperty call).
 */
export class Exchange {
  private settled = false;
  private timer: NodeJS.Timeout | undefined;
  private upstreamRes: IncomingMessage | null = null;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly proxyReq: ClientRequest,
    private readonly context: ForwardContext | undefined,
    private readonly logger: Logger,
  ) {}

  start(timeoutMs: number): void {
    const { req, res, proxyReq } = this;
    (res as Carrier)[kExchange] = this;
    (proxyReq as Carrier)[kExchange] = this;
    this.timer = setTimeout(onTimeout, timeoutMs, this);
    proxyReq.on('error', onUpstreamError);
    proxyReq.on('response', onUpstreamResponse);
    res.on('close', onClientClose);
    // A request without a body needs no pipe: end the upstream request at once.
    const length = req.headers['content-length'];
    if (req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) {
      proxyReq.end();
      req.resume();
    } else {
      req.pipe(proxyReq);
    }
  }

  /** Stops the clock and, unless the answer is on its way, the upstream request. */
  settle(destroyUpstream: boolean): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    if (destroyUpstream) {
      this.proxyReq.destroy();
      this.upstreamRes?.destroy();
    }
    return true;
  }

  respond(proxyRes: IncomingMessage): void {
    clearTimeout(this.timer);
    if (this.settled) return void proxyRes.destroy();
    this.upstreamRes = proxyRes;
    const res = this.res;
    const out = downstreamResponseHeaders(proxyRes.rawHeaders, this.context?.responseHeaders ?? NO_HEADERS, this.context?.corsOwned ?? false);
    res.writeHead(proxyRes.statusCode ?? 502, proxyRes.statusMessage, out);
    (proxyRes as Carrier)[kExchange] = this;
    proxyRes.on('data', onUpstreamData);
    proxyRes.on('end', onUpstreamEnd);
    // A backend dying mid-body must not look like a complete answer: cut the client's connection too.
    proxyRes.on('error', onUpstreamBodyError);
    proxyRes.on('aborted', onUpstreamBodyError);
    res.on('drain', onClientDrain);
  }

  /** 502 or 504 while no answer has started; after that, only cutting the connection is honest. */
  fail(error: NodeJS.ErrnoException | null): void {
    const res = this.res;
    if (res.destroyed) return;
    if (res.headersSent) return void res.destroy();
    const extra = this.context?.responseHeaders ?? NO_HEADERS;
    for (let i = 0; i < extra.length; i += 2) res.setHeader(extra[i] as string, extra[i + 1] as string);
    if (error) this.logger.warn({ err: { message: error.message, code: error.code }, requestId: this.context?.identity.requestId }, 'upstream request failed');
    sendProblem(res, error === null || error.code === 'ETIMEDOUT' ? problems.upstreamTimeout() : problems.upstreamUnavailable());
  }

  write(chunk: Buffer): void {
    if (!this.res.write(chunk)) this.upstreamRes?.pause();
  }

  end(): void {
    this.settle(false);
    this.res.end();
  }

  resume(): void {
    this.upstreamRes?.resume();
  }

  clientClosed(): void {
    // The client went away first: the upstream request goes too, whatever state it is in (queued, sent, streaming).
    if (!this.res.writableFinished) this.settle(true);
  }

  destroyClient(): void {
    if (this.res.writableFinished) return;
    this.settle(true);
    this.res.destroy();
  }
}

function onTimeout(exchange: Exchange): void {
  if (exchange.settle(true)) exchange.fail(null);
}
function onUpstreamError(this: ClientRequest, error: NodeJS.ErrnoException): void {
  const exchange = exchangeOf(this);
  if (exchange.settle(true)) exchange.fail(error);
}
function onUpstreamResponse(this: ClientRequest, proxyRes: IncomingMessage): void {
  exchangeOf(this).respond(proxyRes);
}
function onUpstreamData(this: IncomingMessage, chunk: Buffer): void {
  exchangeOf(this).write(chunk);
}
function onUpstreamEnd(this: IncomingMessage): void {
  exchangeOf(this).end();
}
function onUpstreamBodyError(this: IncomingMessage): void {
  exchangeOf(this).destroyClient();
}
function onClientDrain(this: ServerResponse): void {
  exchangeOf(this).resume();
}
function onClientClose(this: ServerResponse): void {
  exchangeOf(this).clientClosed();
}
