import { LedgerError } from '../ledger.error';
import { fabricLedgerConfig } from './fabric-ledger.config';

const org = (n: number, msp: string) => ({
  [`FABRIC_ORG${n}_MSP_ID`]: msp,
  [`FABRIC_ORG${n}_PEER_ENDPOINT`]: `127.0.0.1:${n}7051`,
  [`FABRIC_ORG${n}_PEER_HOST_ALIAS`]: `peer0.org${n}.example.com`,
  [`FABRIC_ORG${n}_TLS_CERT`]: `/tls${n}`,
  [`FABRIC_ORG${n}_CERT`]: `/cert${n}`,
  [`FABRIC_ORG${n}_KEY`]: `/key${n}`,
});

describe('fabricLedgerConfig', () => {
  it('reads every organisation infra/fabric writes', () => {
    const config = fabricLedgerConfig({
      FABRIC_ORGS: 'org1,org2',
      FABRIC_CHANNEL: 'c',
      ...org(1, 'Org1MSP'),
      ...org(2, 'Org2MSP'),
    });
    expect(config?.channel).toBe('c');
    expect(config?.chaincode).toBe('pharma-custody');
    expect(config?.orgs.map((o) => [o.mspId, o.peerEndpoint, o.peerHostAlias])).toEqual([
      ['Org1MSP', '127.0.0.1:17051', 'peer0.org1.example.com'],
      ['Org2MSP', '127.0.0.1:27051', 'peer0.org2.example.com'],
    ]);
  });

  it('accepts the single-organisation variables', () => {
    const single = Object.fromEntries(
      Object.entries(org(1, 'Org1MSP')).map(([k, v]) => [k.replace('ORG1_', ''), v]),
    );
    expect(fabricLedgerConfig(single)?.orgs.map((o) => o.mspId)).toEqual(['Org1MSP']);
  });

  it('is undefined when nothing is configured (embedded ledger)', () => {
    expect(fabricLedgerConfig({})).toBeUndefined();
  });

  it('names every missing variable of a partial configuration', () => {
    const partial = { FABRIC_ORGS: 'org1,org2', ...org(1, 'Org1MSP'), FABRIC_ORG2_MSP_ID: 'Org2MSP' };
    expect(() => fabricLedgerConfig(partial)).toThrow(LedgerError);
    expect(() => fabricLedgerConfig(partial)).toThrow(
      /FABRIC_ORG2_PEER_ENDPOINT.*FABRIC_ORG2_TLS_CERT.*FABRIC_ORG2_KEY/,
    );
  });
});
