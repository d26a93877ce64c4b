import { createServer, type Server } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createBroker, type AuthenticateError, type Client } from 'aedes';
import type { Device } from '../devices/device';
import { mayPublish, maySubscribe, type BrokerPrincipal } from './broker-access.policy';

/** What the embedded broker asks about device logins (the DeviceRegistryService). */
export interface DeviceAuthenticator {
  authenticate(username: string, password: string): Promise<Device | undefined>;
}

export interface EmbeddedBrokerOptions {
  port: number;
  host?: string;
  registry: DeviceAuthenticator;
  /**
   * The platform's own login (the gateway's), with read/write rights on the whole tree. Generated when
   * absent: pass `broker.service` to the gateway's options.
   */
  service?: { username: string; password: string };
}

export interface EmbeddedBroker {
  /** The port actually listened on (useful with port 0). */
  readonly port: number;
  /** The service login the gateway connects with. */
  readonly service: { username: string; password: string };
  close(): Promise<void>;
}

const SERVER_UNAVAILABLE = 3;
const BAD_USERNAME_OR_PASSWORD = 4;

function authError(message: string, returnCode: number): AuthenticateError {
  const error = new Error(message) as AuthenticateError;
  error.returnCode = returnCode;
  return error;
}

function refused(message: string): AuthenticateError {
  return authError(message, BAD_USERNAME_OR_PASSWORD);
}

function sameSecret(given: Buffer, expected: string): boolean {
  const want = Buffer.from(expected, 'utf8');
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * The all-in-one platform's MQTT broker: aedes (MQTT 3.1.1, in memory) with every device
 * authenticated against the device registry and held to its own topics — the same rules Mosquitto
 * enforces through dynamic security. aedes acknowledges a device's QoS 1 publish once it has queued
 * it, and keeps a subscriber's unacknowledged messages only in this process's memory: in the
 * embedded mode, broker, gateway and event log live and die together.
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const service = options.service ?? {
    username: 'pharmatrace-service',
    password: randomBytes(24).toString('base64url'),
  };
  const principals = new WeakMap<Client, BrokerPrincipal>();
  const broker = createBroker({
    authenticate: (client, username, password, done) => {
      if (!username || !password) return done(refused('username and password are required'), false);
      if (username === service.username) {
        if (!sameSecret(password, service.password)) return done(refused('bad service credentials'), false);
        principals.set(client, { kind: 'service' });
        return done(null, true);
      }
      options.registry.authenticate(username, password.toString('utf8')).then(
        (device) => {
          if (!device) return done(refused('unknown device or wrong password'), false);
          principals.set(client, { kind: 'device', device });
          done(null, true);
        },
        (error: unknown) =>
          done(
            authError(`device registry unavailable: ${(error as Error).message}`, SERVER_UNAVAILABLE),
            false,
          ),
      );
    },
    authorizePublish: (client, packet, done) => {
      const principal = client ? principals.get(client) : undefined;
      if (principal && mayPublish(principal, packet.topic)) return done(null);
      done(new Error(`not authorised to publish on ${packet.topic}`));
    },
    authorizeSubscribe: (client, subscription, done) => {
      const principal = principals.get(client);
      // A null subscription is a refusal (SUBACK 0x80); an error would drop the connection.
      done(null, principal && maySubscribe(principal, subscription.topic) ? subscription : null);
    },
  });
  const server: Server = createServer((socket) => broker.handle(socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    service,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        broker.close();
      }),
  };
}
