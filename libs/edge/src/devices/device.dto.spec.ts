import { edgeHttpProblem } from '../edge-error.filter';
import { EdgeError, EdgeErrorCode } from '../edge.error';
import { loadEdgeGatewayOptions } from '../gateway/edge-gateway.options';
import { validateRegistration } from './device.dto';

describe('device registration body', () => {
  it('accepts a complete body, id optional', () => {
    expect(
      validateRegistration({
        name: ' Dock 1 ',
        role: 'shipping-dock',
        location: 'urn:epc:id:sgln:9506000.00000.0',
      }),
    ).toEqual({
      id: undefined,
      name: 'Dock 1',
      role: 'shipping-dock',
      location: 'urn:epc:id:sgln:9506000.00000.0',
    });
  });

  it('reports every problem with a pointer, as a 400', () => {
    let caught: unknown;
    try {
      validateRegistration({ id: 'a/b', role: 'robot', location: '9506000000009' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EdgeError);
    const problem = edgeHttpProblem(caught as EdgeError);
    expect(problem.statusCode).toBe(400);
    expect(problem.details?.map((d) => d.pointer)).toEqual(['/id', '/name', '/role', '/location']);
  });

  it('maps registry errors to statuses', () => {
    const status = (code: EdgeErrorCode) => edgeHttpProblem(new EdgeError(code, 'x')).statusCode;
    expect(status(EdgeErrorCode.LocationNotOwned)).toBe(403);
    expect(status(EdgeErrorCode.DeviceNotFound)).toBe(404);
    expect(status(EdgeErrorCode.DeviceExists)).toBe(409);
    expect(status(EdgeErrorCode.ProvisioningFailed)).toBe(503);
  });
});

describe('gateway options', () => {
  const base = {
    MQTT_URL: 'mqtt://127.0.0.1:1883',
    MQTT_SERVICE_USERNAME: 'svc',
    MQTT_SERVICE_PASSWORD: 'pw',
  };

  it('defaults to 128 lanes sharing the pharmatrace-edge group over MQTT 5', () => {
    expect(loadEdgeGatewayOptions({ ...base, EDGE_GATEWAY_ID: 'gw1' })).toMatchObject({
      gatewayId: 'gw1',
      sharedGroup: 'pharmatrace-edge',
      lanes: 128,
      protocolVersion: 5,
      autoStart: true,
    });
  });

  it('uses one lane without a shared group, and reports every bad variable', () => {
    expect(loadEdgeGatewayOptions({ ...base, EDGE_SHARED_GROUP: 'none', EDGE_LANES: '8' }).lanes).toBe(1);
    const message = (() => {
      try {
        loadEdgeGatewayOptions({ EDGE_LANES: '0', EDGE_MQTT_PROTOCOL: '3' });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const variable of ['MQTT_URL', 'MQTT_SERVICE_PASSWORD', 'EDGE_LANES=0', 'EDGE_MQTT_PROTOCOL=3']) {
      expect(message).toContain(variable);
    }
  });
});
