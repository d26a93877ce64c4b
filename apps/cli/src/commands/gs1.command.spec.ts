import { Readable } from 'node:stream';
import { Command } from 'commander';
import { type Gs1CommandIo } from './gs1-command.io';
import { registerGs1Command } from './gs1.command';

interface FakeIo extends Gs1CommandIo {
  readonly out: () => string;
  readonly err: () => string;
  readonly files: Map<string, string | Uint8Array>;
  exitCode: number | undefined;
}

function fakeIo(stdinText = ''): FakeIo {
  let out = '';
  let err = '';
  const files = new Map<string, string | Uint8Array>();
  const io: FakeIo = {
    stdin: Readable.from([stdinText]),
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    writeFile: (path, data) => {
      files.set(path, data);
      return Promise.resolve();
    },
    now: () => new Date('2026-11-23T12:00:00Z'),
    setExitCode: (code) => {
      io.exitCode = code;
    },
    out: () => out,
    err: () => err,
    files,
    exitCode: undefined,
  };
  return io;
}

/** The program as main.ts builds it: exitOverride so usage errors reject instead of exiting. */
async function run(io: FakeIo, ...args: string[]): Promise<unknown> {
  const program = new Command('pharmatrace').exitOverride().showHelpAfterError();
  registerGs1Command(program, io);
  try {
    await program.parseAsync(['node', 'pharmatrace', ...args]);
    return undefined;
  } catch (error) {
    return error;
  }
}

const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('pharmatrace gs1 parse', () => {
  it('prints one JSON object per argument and exits 0 when all are valid', async () => {
    const io = fakeIo();
    await run(io, 'gs1', 'parse', ']d20109506000134352172612311012345{GS}21ABC123', '(00)106141411234567897');
    const [pack, pallet] = jsonLines(io.out());
    expect(pack).toMatchObject({
      gtin: '09506000134352',
      serial: 'ABC123',
      lot: '12345',
      expiry: '2026-12-31',
      digitalLink: 'https://id.gs1.org/01/09506000134352/10/12345/21/ABC123?17=261231',
      epc: 'urn:epc:id:sgtin:9506000.013435.ABC123',
      ais: [
        { ai: '01', value: '09506000134352', title: 'GTIN' },
        { ai: '17', value: '261231', title: 'USE BY OR EXPIRY' },
        { ai: '10', value: '12345', title: 'BATCH/LOT' },
        { ai: '21', value: 'ABC123', title: 'SERIAL' },
      ],
    });
    expect(pallet).toMatchObject({ sscc: '106141411234567897', epc: 'urn:epc:id:sscc:0614141.1123456789' });
    expect(io.exitCode).toBe(0);
  });

  it('accepts \\x1d, <GS> and {GS} typed on the command line', async () => {
    const io = fakeIo();
    const scans = ['\\x1d', '<GS>', '{GS}'].map((gs) => `0109506000134352101234${gs}21S1`);
    await run(io, 'gs1', 'parse', ...scans);
    expect(jsonLines(io.out()).map((r) => [r['lot'], r['serial']])).toEqual([
      ['1234', 'S1'],
      ['1234', 'S1'],
      ['1234', 'S1'],
    ]);
  });

  it('reads stdin line by line when no scan is given, skipping blank lines', async () => {
    const io = fakeIo('0109506000134352\n\r\nhttps://id.gs1.org/00/106141411234567897\r\n');
    await run(io, 'gs1', 'parse');
    expect(jsonLines(io.out()).map((r) => r['input'])).toEqual([
      '0109506000134352',
      'https://id.gs1.org/00/106141411234567897',
    ]);
    expect(io.exitCode).toBe(0);
  });

  it('reports invalid input with its reason and exits 1', async () => {
    const io = fakeIo();
    await run(io, 'gs1', 'parse', '0109506000134352', '010950600013435217A0122');
    const [, bad] = jsonLines(io.out());
    expect(bad).toEqual({
      input: '010950600013435217A0122',
      error: {
        code: 'VALUE_TOO_SHORT',
        position: 18,
        reason: "AI 17 expects 6 digits (YYMMDD), got 'A0122'",
        message: "position 18: AI 17 expects 6 digits (YYMMDD), got 'A0122'",
      },
    });
    expect(io.exitCode).toBe(1);
  });

  it('takes extra company prefixes, a Digital Link host and --strict', async () => {
    const io = fakeIo();
    await run(
      io,
      'gs1',
      'parse',
      '--company-prefix',
      '4006381',
      '--host',
      'https://dl.example',
      '01040063813339312112',
    );
    expect(jsonLines(io.out())[0]).toMatchObject({
      epc: 'urn:epc:id:sgtin:4006381.033393.12',
      digitalLink: 'https://dl.example/01/04006381333931/21/12',
    });
    const strict = fakeIo();
    await run(strict, 'gs1', 'parse', '--strict', '21ABC');
    expect(jsonLines(strict.out())[0]?.['error']).toMatchObject({ code: 'MISSING_REQUIRED_AI' });
    expect(strict.exitCode).toBe(1);
  });
});

describe('pharmatrace gs1 label', () => {
  const PACK = ['--gtin', '09506000134352', '--serial', 'ABC123', '--lot', 'L1', '--expiry', '2026-12-31'];

  it('writes a PNG pack label to -o', async () => {
    const io = fakeIo();
    await run(io, 'gs1', 'label', ...PACK, '--format', 'png', '-o', 'pack.png');
    const png = io.files.get('pack.png');
    expect(png instanceof Uint8Array && Buffer.from(png.subarray(0, 4)).toString('latin1')).toBe('\x89PNG');
    expect(JSON.parse(io.out())).toMatchObject({ file: 'pack.png', format: 'png' });
  });

  it('infers SVG from the file name, takes YYMMDD and national codes', async () => {
    const io = fakeIo();
    await run(
      io,
      'gs1',
      'label',
      ...PACK.slice(0, 6),
      '--expiry',
      '261200',
      '--nhrn',
      '710=12345678',
      '-o',
      'pack.svg',
    );
    const svg = String(io.files.get('pack.svg'));
    expect(svg).toContain('<path');
    expect(svg).toContain('EXP: 2026-12');
    expect(svg).toContain('PZN: 12345678');
  });

  it('writes a GS1-128 label for --sscc', async () => {
    const io = fakeIo();
    await run(io, 'gs1', 'label', '--sscc', '106141411234567897', '-o', 'pallet.svg');
    expect(String(io.files.get('pallet.svg'))).toContain('SSCC: 106141411234567897');
  });

  it.each([
    [['--gtin', '09506000134352', '-o', 'x.png'], /a pack label needs --serial, --lot, --expiry/],
    [[...PACK, '--sscc', '106141411234567897', '-o', 'x.png'], /either --sscc .* or --gtin/],
    [[...PACK, '-o', 'x.jpg'], /cannot tell the format from 'x.jpg'/],
    [[...PACK, '--format', 'gif', '-o', 'x.gif'], /Allowed choices are png, svg/],
    [[...PACK], /required option '-o, --output <file>' not specified/],
    [[...PACK, '--nhrn', '240=X', '-o', 'x.png'], /--nhrn expects AI=value with AI 710-716/],
    [[...PACK, '--scale', 'big', '-o', 'x.png'], /--scale expects an integer/],
  ])('rejects bad flags %j with a clear message and a non-zero exit', async (args, message) => {
    const io = fakeIo();
    const error = (await run(io, 'gs1', 'label', ...args)) as { exitCode?: number } | undefined;
    expect(error?.exitCode).toBeGreaterThan(0);
    expect(io.err()).toMatch(message);
    expect(io.files.size).toBe(0);
  });

  it('rejects invalid GS1 data without the usage text and exits 1', async () => {
    const io = fakeIo();
    await run(io, 'gs1', 'label', ...PACK.slice(0, 7), '2026-02-30', '-o', 'x.png');
    expect(io.err()).toBe(
      "error: expiry '2026-02-30' is not a date as YYYY-MM-DD, YYYY-MM or YYMMDD (INVALID_DATE)\n",
    );
    expect(io.exitCode).toBe(1);
    expect(io.files.size).toBe(0);
  });
});
