// An open-loop, paced load generator: request k is due at start + k / rate. Each response's latency is
// taken from the moment its request was written (the samples), and also from its due time (`fromDue`):
// the second charges every wait, including this client's own lateness when the shared machine
// descheduled it (no coordinated omission); the difference is the client's lag. Keep-alive
// connections on 127.0.0.1, bounded in requests, in-flight count and time.
import { Agent, request } from 'node:http';
import { MAX_SAMPLES, type Driven, type LoadOptions } from './verify-load';

const MAX_IN_FLIGHT = 2_000;

export function paced(options: LoadOptions & { ratePerS: number }): Promise<Driven> {
  const total = Math.min(MAX_SAMPLES, Math.round(options.ratePerS * options.durationS));
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const samples = new Float64Array(total);
  const fromDue = new Float64Array(total);
  let count = 0;
  let sent = 0;
  let done = 0;
  let errors = 0;
  let non2xx = 0;
  const start = performance.now();
  return new Promise<Driven>((resolve) => {
    const finish = () => {
      clearInterval(ticker);
      clearTimeout(deadline);
      agent.destroy();
      resolve({
        requests: done,
        durationS: (performance.now() - start) / 1000,
        samples,
        count,
        errors,
        non2xx,
        fromDue: fromDue.slice(0, count),
      });
    };
    const settle = (due: number, written: number, ok: boolean) => {
      if (ok && count < total) {
        const now = performance.now();
        samples[count] = now - written;
        fromDue[count++] = now - due;
      }
      done += 1;
      if (done === total) finish();
    };
    const send = (due: number) => {
      const written = performance.now();
      const req = request(
        { host: '127.0.0.1', port: options.port, path: options.nextPath(), headers: options.headers, agent },
        (res) => {
          if ((res.statusCode ?? 0) >= 300) non2xx += 1;
          res.resume();
          res.on('end', () => settle(due, written, true));
        },
      );
      req.on('error', () => {
        errors += 1;
        settle(due, written, false);
      });
      req.end();
    };
    // Node timers fire at best every millisecond: send everything due since the last tick.
    const ticker = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * options.ratePerS) / 1000) + 1);
      while (sent < due && sent - done < MAX_IN_FLIGHT) {
        send(start + (sent * 1000) / options.ratePerS);
        sent += 1;
      }
    }, 1);
    const deadline = setTimeout(finish, (options.durationS + 15) * 1000);
  });
}
