import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { WatchpostError, type ErrorCode } from '../../shared/api/result';
import type { EngineClient } from '../engine/client';

export interface HostOptions {
  engine: EngineClient;
  /** The built renderer (`out/renderer`), served at `/`. */
  rendererDir: string | null;
  /** 127.0.0.1 unless the operator asks for the LAN with `--host 0.0.0.0`. */
  host: string;
  port: number;
}

export interface RunningHost {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  cancelled: 409,
  unavailable: 503,
  internal: 500,
};

/** A webhook request holds at most 1,000 mentions; this is plenty for them. */
const WEBHOOK_BODY_LIMIT = 5 * 1024 * 1024;
const WEBHOOK_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The host door: the same API over HTTP (`POST /api/<method>`), events over WebSocket, the renderer as static files. */
export async function buildHost(options: HostOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 50 * 1024 * 1024 });
  const loopbackOnly = LOOPBACK.has(options.host);

  // A page on another site must not drive the engine through the user's browser (DNS rebinding, CSRF):
  // on loopback only loopback Host names pass, and a foreign Origin is refused everywhere.
  app.addHook('onRequest', async (request, reply) => {
    const hostName = hostnameOf(request.headers.host);
    if (loopbackOnly && (!hostName || !LOOPBACK.has(hostName))) {
      return reply.code(403).send({
        ok: false,
        error: { code: 'invalid_input', message: 'this Watchpost host answers only on 127.0.0.1' },
      });
    }
    const origin = request.headers.origin;
    if (origin && hostnameOf(new URL(origin, 'http://x').host) !== hostName) {
      return reply
        .code(403)
        .send({ ok: false, error: { code: 'invalid_input', message: `requests from ${origin} are not allowed` } });
    }
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });

  app.post('/api/:method', async (request: FastifyRequest<{ Params: { method: string } }>, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!loopbackOnly && readsLocalFiles(request.params.method, body)) {
      return reply.code(403).send({
        ok: false,
        error: {
          code: 'invalid_input',
          message: `${request.params.method} with a file path is only allowed on this machine; upload the file instead`,
        },
      });
    }
    const result = await options.engine.call(request.params.method, body);
    return reply.code(result.ok ? 200 : STATUS[result.error.code]).send(result);
  });

  // Other tools push mentions here; the token names (and authorises) one webhook source.
  app.post(
    '/ingest/:token',
    { bodyLimit: WEBHOOK_BODY_LIMIT },
    async (request: FastifyRequest<{ Params: { token: string } }>, reply) => {
      const { token } = request.params;
      if (!WEBHOOK_TOKEN.test(token)) {
        return reply
          .code(404)
          .send({ ok: false, error: { code: 'not_found', message: 'no webhook has this address' } });
      }
      const result = await options.engine.call('ingest.webhook', { token, body: request.body ?? null });
      return reply.code(result.ok ? 200 : STATUS[result.error.code]).send(result);
    },
  );

  await app.register(fastifyWebsocket);
  app.get('/events', { websocket: true }, (socket) => {
    const unsubscribe = options.engine.subscribe((event) => socket.send(JSON.stringify(event)));
    socket.on('close', unsubscribe);
  });

  const rendererDir =
    options.rendererDir && existsSync(path.join(options.rendererDir, 'index.html')) ? options.rendererDir : null;
  if (rendererDir) {
    await app.register(fastifyStatic, { root: rendererDir, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.code(404).send({ ok: false, error: { code: 'not_found', message: `nothing at ${request.url}` } });
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Watchpost is running, but the app is not built. Run `npm run build` and reload this page.'),
    );
  }
  return app;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const app = await buildHost(options);
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (err) {
    await app.close();
    throw listenError(err, options);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    app,
    close: () => app.close(),
  };
}

function listenError(err: unknown, options: HostOptions): WatchpostError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new WatchpostError(
      'unavailable',
      `port ${options.port} on ${options.host} is already in use; choose another with --port`,
    );
  }
  if (code === 'EACCES') {
    return new WatchpostError(
      'unavailable',
      `not allowed to listen on ${options.host}:${options.port}; choose a port above 1023`,
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new WatchpostError('unavailable', `${options.host} is not an address of this machine`);
  }
  return new WatchpostError(
    'unavailable',
    `cannot listen on ${options.host}:${options.port}: ${(err as Error).message}`,
  );
}

/**
 * Methods that read a path on the engine's machine. A browser elsewhere on the LAN must not make the
 * engine read local files into the workspace: it uploads content instead.
 */
function readsLocalFiles(method: string, body: Record<string, unknown>): boolean {
  return method === 'ingest.importFiles' || (method.startsWith('ingest.') && typeof body.file === 'string');
}

function hostnameOf(host: string | undefined): string | null {
  if (!host) return null;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}
