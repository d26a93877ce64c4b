import type { PlatformConfig } from '@pharmatrace/config';
import type { OpenPorts } from '@pharmatrace/runtime';

/** What a newcomer sees after `npm start`: where things are and commands to copy. */
export function startBanner(
  config: PlatformConfig,
  ports: OpenPorts,
  ledgerKind: 'fabric' | 'embedded',
  credentialsFile: string | undefined,
  mqttPort: number | undefined,
): string {
  const http = `http://${config.httpHost}:${config.httpPort}`;
  const key = (who: string) =>
    `$(node -p "require('${credentialsFile ?? './data/credentials.json'}').participants.find(p => p.key === '${who}').apiKey")`;
  const lines = [
    '',
    'PharmaTrace is running',
    `  HTTP        ${http}   (OpenAPI: ${http}/docs, health: ${http}/health, metrics: ${http}/metrics)`,
    `  database    ${ports.mode.database === 'pglite' ? `embedded PGlite in ${config.dataDir}/db` : 'PostgreSQL (DATABASE_URL)'}`,
    `  MQTT        ${mqttPort !== undefined ? `mqtt://127.0.0.1:${mqttPort} (embedded broker; device logins in the credentials file)` : (config.mqttUrl ?? '')}`,
    `  event log   ${ports.mode.eventLog === 'embedded' ? 'embedded, in the database' : `Kafka ${config.kafkaBrokers.join(',')}`}`,
    `  ledger      ${ledgerKind === 'embedded' ? 'embedded (hash-chained, signed blocks in the database)' : 'Hyperledger Fabric (FABRIC_*)'}`,
  ];
  if (credentialsFile) lines.push(`  credentials ${credentialsFile}   (API keys of the demo participants)`);
  lines.push(
    '',
    'Try it (another terminal, from the repository root):',
    `  npx pharmatrace demo                      # commission, pack, ship, receive, dispense, recall through the APIs`,
    `  PHARMACY=${key('pharmacy1')}`,
    `  curl -s -H "Authorization: Bearer $PHARMACY" '${http}/v1/verify?gtin=10614141073464&serial=DEMO000001'`,
    `  curl -s -X POST -H "Authorization: Bearer $PHARMACY" -H 'content-type: application/json' \\`,
    `       -d '{"scan":"01106141410734642110DEMO000001"}' ${http}/v1/dispense`,
    `  REGULATOR=${key('regulator')}`,
    `  curl -s -H "Authorization: Bearer $REGULATOR" '${http}/v1/alerts'`,
    '',
    'Ctrl-C stops it; accepted events are kept in the database.',
    '',
  );
  return lines.join('\n');
}
