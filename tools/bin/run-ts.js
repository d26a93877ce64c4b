// Runs a TypeScript entry point of this repo in place: SWC transpiles on load (decorator metadata
// included) and tsconfig paths resolve the @pharmatrace/* libraries, so nothing needs building first.
const path = require('node:path');
const root = path.join(__dirname, '..', '..');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(root, 'tsconfig.base.json');
require('@swc-node/register');

module.exports = function runTs(relativeEntry) {
  return require(path.join(root, relativeEntry));
};
