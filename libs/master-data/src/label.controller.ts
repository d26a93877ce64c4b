import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentParticipant, Roles, type Participant } from '@pharmatrace/auth';
import { isGs1Error, renderPackLabel, renderSsccLabel } from '@pharmatrace/gs1';
import { CLOCK, HttpProblem, type Clock } from '@pharmatrace/runtime';

interface LabelRequest {
  gtin?: unknown;
  serial?: unknown;
  lot?: unknown;
  expiry?: unknown;
  sscc?: unknown;
  format?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Printable GS1 labels for the brand owner: a GS1 DataMatrix with the human-readable lines for a pack,
 * or GS1-128 for an SSCC. Only for identifiers under the caller's own company prefixes.
 */
@ApiTags('labels')
@ApiBearerAuth()
@Controller('v1/labels')
export class LabelController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @Post()
  @HttpCode(200)
  @Roles('manufacturer')
  @ApiOperation({
    summary:
      'Render a label: { gtin, serial, lot, expiry } for a pack or { sscc } for a logistic unit; format png|svg',
  })
  async render(@CurrentParticipant() owner: Participant, @Body() body: unknown, @Res() reply: FastifyReply) {
    const request = (body ?? {}) as LabelRequest;
    const format = request.format ?? 'svg';
    if (format !== 'png' && format !== 'svg')
      throw HttpProblem.badRequest('BAD_LABEL', 'format must be png or svg');
    const key = request.sscc !== undefined ? text(request.sscc) : text(request.gtin).padStart(14, '0');
    // SSCC: extension digit first; GTIN-14: indicator digit first. The company prefix follows.
    const ownPrefix = owner.companyPrefixes.some((prefix) => key.slice(1).startsWith(prefix));
    if (!ownPrefix) throw HttpProblem.forbidden(`${key} is not under your GS1 company prefixes`);
    const options = { format, referenceYear: this.clock.now().getUTCFullYear() } as const;
    let image: string | Buffer;
    try {
      image =
        request.sscc !== undefined
          ? await renderSsccLabel({ sscc: key }, options)
          : await renderPackLabel(
              {
                gtin: key,
                serial: text(request.serial),
                lot: text(request.lot),
                expiry: text(request.expiry),
              },
              options,
            );
    } catch (error) {
      if (isGs1Error(error)) throw HttpProblem.badRequest('BAD_LABEL', error.message);
      throw error;
    }
    void reply.header('content-type', format === 'png' ? 'image/png' : 'image/svg+xml').send(image);
  }
}
