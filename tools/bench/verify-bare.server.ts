// The benchmark's baseline: bare Fastify on 127.0.0.1 answering GET /v1/verify with a constant body
// (the bytes of a real verification answer, passed in BENCH_BODY), so the throughput ratio against the
// real verification API shows what verification itself costs: NestJS, auth, the lookup, the verdict.
import Fastify from 'fastify';

const port = Number(process.env['HTTP_PORT'] ?? '0');
const body = process.env['BENCH_BODY'] ?? '{"verdict":"authentic"}';

const app = Fastify({ logger: false });
app.get('/v1/verify', (_request, reply) => {
  void reply.header('content-type', 'application/json; charset=utf-8').send(body);
});
app.get('/health', () => ({ status: 'ok' }));
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
void app.listen({ port, host: '127.0.0.1' });
