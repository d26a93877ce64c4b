/** The chaincode's test helpers (fake peer, record factory). Same boundary exception as contract/chaincode.ts. */
// eslint-disable-next-line @nx/enforce-module-boundaries
export * from '../../../../chaincode/pharma-custody/src/testing/index';
