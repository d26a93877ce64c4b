import { DEMO_GTIN, RIVAL_GTIN, gtinOf, sgtinOf, siteOf } from '../testing/custody.factories';
import { CONTAINER, ITEM } from '../testing/custody-world';
import type { CustodyScenario } from './custody-scenario';

const UNKNOWN_GTIN_ITEM = sgtinOf('X1', gtinOf('4012345', '99999'));
const RIVAL_ITEM = sgtinOf('R1', RIVAL_GTIN);

export const commissioningScenarios: readonly CustodyScenario[] = [
  {
    name: 'commissioning an SGTIN by the brand owner creates an active pack with its master data',
    when: (w) => w.apply(w.events.commission([ITEM(1)], { location: siteOf(w.mfr) }), w.mfr),
    alerts: [],
    statuses: { [ITEM(1)]: 'active' },
    check: (w) =>
      expect(w.pack(ITEM(1))).toEqual({
        epc: ITEM(1),
        kind: 'item',
        gtin: DEMO_GTIN,
        serial: 'S1',
        lot: 'LOT-A1',
        expiry: '2027-12-31',
        owner: w.mfr.gln,
        status: 'active',
        custodian: w.mfr.gln,
        custodianLocation: siteOf(w.mfr),
        lastEvent: w.pack(ITEM(1))?.lastEvent,
        version: 1,
      }),
  },
  {
    name: 'commissioning an SSCC by the owner of its company prefix creates a container',
    when: (w) => w.apply(w.events.commission([CONTAINER(1)]), w.mfr),
    alerts: [],
    statuses: { [CONTAINER(1)]: 'active' },
    check: (w) => expect(w.pack(CONTAINER(1))).toMatchObject({ kind: 'container', custodian: w.mfr.gln }),
  },
  {
    name: 'commissioning another brand owner’s GTIN is refused',
    when: (w) => w.apply(w.events.commission([RIVAL_ITEM]), w.mfr),
    alerts: ['NOT_BRAND_OWNER'],
    statuses: { [RIVAL_ITEM]: null },
  },
  {
    name: 'commissioning another participant’s SSCC is refused',
    when: (w) => w.apply(w.events.commission([CONTAINER(1)]), w.net.wholesaler),
    alerts: ['NOT_BRAND_OWNER'],
    statuses: { [CONTAINER(1)]: null },
  },
  {
    name: 'a second commissioning of a serial is an alert, never a second pack',
    when: (w) => w.commissioned([ITEM(1)]).apply(w.events.commission([ITEM(1)], { lot: 'OTHER' }), w.mfr),
    alerts: ['DUPLICATE_COMMISSIONING'],
    statuses: { [ITEM(1)]: 'active' },
    check: (w, outcome) => {
      expect(outcome.packs).toEqual([]);
      expect(w.pack(ITEM(1))).toMatchObject({ lot: 'LOT-A1', version: 1 });
    },
  },
  {
    name: 'commissioning a GTIN missing from the product master is refused',
    when: (w) => w.apply(w.events.commission([UNKNOWN_GTIN_ITEM]), w.mfr),
    alerts: ['UNKNOWN_PRODUCT'],
    statuses: { [UNKNOWN_GTIN_ITEM]: null },
    check: (_w, outcome) => expect(outcome.alerts[0]?.nmvsCode).toBe('NMVS_NC_PC_01'),
  },
  {
    name: 'commissioning without a valid expiry in ilmd is refused',
    when: (w) => w.apply(w.events.commission([ITEM(1)], { expiry: '31.12.2027' }), w.mfr),
    alerts: ['INVALID_EVENT'],
    statuses: { [ITEM(1)]: null },
  },
  {
    name: 'commissioning a malformed EPC is refused',
    when: (w) => w.apply(w.events.commission(['urn:epc:id:sgtin:12.34']), w.mfr),
    alerts: ['INVALID_EVENT'],
  },
  {
    name: 'commissioning packs of a withdrawn product is refused',
    when: (w) => w.withdrawn().apply(w.events.commission([ITEM(1)]), w.mfr),
    alerts: ['WITHDRAWN'],
    statuses: { [ITEM(1)]: null },
  },
  {
    name: 'an event at premises owned by another participant changes nothing',
    when: (w) => w.apply(w.events.commission([ITEM(1)], { location: siteOf(w.net.wholesaler) }), w.mfr),
    alerts: ['LOCATION_NOT_OWNED'],
    statuses: { [ITEM(1)]: null },
  },
  {
    name: 'an event captured by an unknown participant changes nothing',
    when: (w) => w.store.apply(w.events.commission([ITEM(1)]), '4099999999999'),
    alerts: ['NOT_AUTHORISED'],
    statuses: { [ITEM(1)]: null },
  },
  {
    name: 'per-object application: valid serials are commissioned, invalid ones alert',
    when: (w) => w.commissioned([ITEM(1)]).apply(w.events.commission([ITEM(1), ITEM(2), RIVAL_ITEM]), w.mfr),
    alerts: ['DUPLICATE_COMMISSIONING', 'NOT_BRAND_OWNER'],
    statuses: { [ITEM(1)]: 'active', [ITEM(2)]: 'active', [RIVAL_ITEM]: null },
  },
  {
    name: 'master data keyed by the cbvmda URI instead of the CURIE is read the same',
    when: (w) =>
      w.apply(
        w.events.commission([ITEM(1)], {
          extra: {
            ilmd: {
              'urn:epcglobal:cbv:mda:lotNumber': 'LOT-U',
              'urn:epcglobal:cbv:mda:itemExpirationDate': '2027-01-31',
            },
          },
        }),
        w.mfr,
      ),
    alerts: [],
    check: (w) => expect(w.pack(ITEM(1))).toMatchObject({ lot: 'LOT-U', expiry: '2027-01-31' }),
  },
];
