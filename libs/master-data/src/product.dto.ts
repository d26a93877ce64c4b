import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { computeCheckDigit } from '@pharmatrace/gs1';
import { HttpProblem } from '@pharmatrace/runtime';

/** Body of POST /v1/products. */
export class RegisterProductDto {
  @ApiProperty({
    example: '09506000134352',
    description: 'GTIN-14 (shorter GTINs are left-padded with zeros)',
  })
  gtin!: string;
  @ApiProperty({ example: 'Amoxicillin 500 mg capsules, 20' })
  name!: string;
  @ApiPropertyOptional({ example: 'capsule' })
  form?: string;
  @ApiPropertyOptional({ example: '500 mg' })
  strength?: string;
  @ApiPropertyOptional({ example: { PZN: '01234567' } })
  nationalCodes?: Record<string, string>;
  @ApiPropertyOptional({ example: { minC: 2, maxC: 8 } })
  storageTemperature?: { minC: number; maxC: number };
}

export interface ValidProduct {
  gtin: string;
  name: string;
  form: string | undefined;
  strength: string | undefined;
  nationalCodes: Record<string, string>;
  storageTemperature: { minC: number; maxC: number } | undefined;
}

function optionalText(
  body: Record<string, unknown>,
  key: string,
  problems: { pointer: string; reason: string }[],
) {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > 200) {
    problems.push({ pointer: `/${key}`, reason: 'must be a string of at most 200 characters' });
    return undefined;
  }
  return value;
}

/** Validates the whole body and reports every problem with a JSON pointer. */
export function validateProduct(input: unknown): ValidProduct {
  const problems: { pointer: string; reason: string }[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw HttpProblem.badRequest('INVALID_PRODUCT', 'the body must be a JSON object');
  }
  const body = input as Record<string, unknown>;
  let gtin = typeof body['gtin'] === 'string' ? body['gtin'] : '';
  if (!/^\d{8}$|^\d{12,14}$/.test(gtin)) {
    problems.push({ pointer: '/gtin', reason: 'must be a GTIN of 8, 12, 13 or 14 digits' });
  } else {
    gtin = gtin.padStart(14, '0');
    const expected = computeCheckDigit(gtin.slice(0, 13));
    if (String(expected) !== gtin[13]) {
      problems.push({ pointer: '/gtin', reason: `check digit should be ${expected}, not ${gtin[13]}` });
    }
  }
  const name = typeof body['name'] === 'string' ? body['name'].trim() : '';
  if (name.length === 0 || name.length > 200) {
    problems.push({ pointer: '/name', reason: 'is required: a string of 1 to 200 characters' });
  }
  const nationalCodes: Record<string, string> = {};
  const codes = body['nationalCodes'];
  if (codes !== undefined) {
    if (typeof codes !== 'object' || codes === null || Array.isArray(codes)) {
      problems.push({ pointer: '/nationalCodes', reason: 'must be an object of scheme → code' });
    } else {
      for (const [scheme, code] of Object.entries(codes)) {
        if (
          !/^[A-Z][A-Z0-9_-]{1,15}$/.test(scheme) ||
          typeof code !== 'string' ||
          !/^[A-Za-z0-9-]{1,30}$/.test(code)
        ) {
          problems.push({
            pointer: `/nationalCodes/${scheme}`,
            reason: 'scheme must be like NDC or PZN, code alphanumeric',
          });
        } else nationalCodes[scheme] = code;
      }
    }
  }
  let storageTemperature: ValidProduct['storageTemperature'];
  const range = body['storageTemperature'];
  if (range !== undefined) {
    const { minC, maxC } = (range ?? {}) as { minC?: unknown; maxC?: unknown };
    if (typeof minC !== 'number' || typeof maxC !== 'number' || !(minC < maxC) || minC < -100 || maxC > 100) {
      problems.push({
        pointer: '/storageTemperature',
        reason: 'must be { minC, maxC } in °C with -100 ≤ minC < maxC ≤ 100',
      });
    } else storageTemperature = { minC, maxC };
  }
  const form = optionalText(body, 'form', problems);
  const strength = optionalText(body, 'strength', problems);
  if (problems.length > 0) {
    throw HttpProblem.badRequest(
      'INVALID_PRODUCT',
      `the product is invalid: ${problems.map((p) => `${p.pointer} ${p.reason}`).join('; ')}`,
      problems,
    );
  }
  return { gtin, name, form, strength, nationalCodes, storageTemperature };
}
