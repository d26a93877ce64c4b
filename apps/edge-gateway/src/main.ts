import { EventIntakeModule } from '@pharmatrace/capture';
import { EdgeModule, loadEdgeGatewayOptions, provisionerFromEnv } from '@pharmatrace/edge';
import { runService } from '@pharmatrace/runtime';

/**
 * The MQTT edge gateway on its own (`node tools/bin/run-app.js apps/edge-gateway/src/main.ts`): the
 * device registry API on HTTP_PORT and the gateway consuming MQTT_URL. Configuration: libs/edge README.
 */
runService({
  title: 'PharmaTrace edge gateway',
  compose: () => ({
    imports: [
      EdgeModule.forRoot({
        gateway: loadEdgeGatewayOptions(),
        provisioner: provisionerFromEnv(),
        intake: [EventIntakeModule],
      }),
    ],
  }),
});
