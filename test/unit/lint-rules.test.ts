import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layers and the formatter are enforced by `npm run lint`, not by review. */
describe('npm run lint', () => {
  const eslint = new ESLint();
  /** Lints a probe file written where it would live (type-aware rules need it in the project). */
  const lintProbe = async (path: string, code: string) => {
    writeFileSync(path, code);
    try {
      const [result] = await eslint.lintFiles([path]);
      return result!;
    } finally {
      rmSync(path, { force: true });
    }
  };

  it('refuses a drizzle or db import in a route', async () => {
    const result = await lintProbe(
      'src/routes/potentials/probe.ts',
      "import { eq } from 'drizzle-orm';\nimport { potentials } from '../../../db/schema';\nexport const x = [eq, potentials];\n",
    );
    const rules = result.messages.map((m) => m.ruleId);
    expect(rules.filter((r) => r === 'no-restricted-imports')).toHaveLength(2);
  }, 60_000);

  it('refuses I/O in a pure module', async () => {
    const result = await lintProbe(
      'src/scoring/probe.ts',
      "import { readFileSync } from 'node:fs';\nimport { recordAudit } from '../platform/audit';\nexport const x = [readFileSync, recordAudit];\n",
    );
    expect(result.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toHaveLength(2);
  }, 60_000);

  it('refuses a promise nobody awaits (type-aware)', async () => {
    const result = await lintProbe(
      'src/platform/probe.ts',
      'export async function later() {}\nexport function now() {\n  later();\n}\n',
    );
    expect(result.messages.map((m) => m.ruleId)).toContain(
      '@typescript-eslint/no-floating-promises',
    );
  }, 60_000);

  it('formats with the repository settings, so an unformatted file differs from its check', () => {
    // `biome format` with stdin prints the formatted text; the CI check (`npm run format:check`)
    // fails whenever a file differs from it.
    const format = (code: string) =>
      execFileSync('npx', ['biome', 'format', '--stdin-file-path=src/probe.ts'], {
        input: code,
        encoding: 'utf8',
      });
    const messy =
      "export const  y=1\nexport const longer = { alpha: 'aaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccccccc' }\n";
    const clean = format(messy);
    expect(clean).not.toBe(messy);
    expect(clean.split('\n').every((line) => line.length <= 100)).toBe(true);
    expect(format(clean)).toBe(clean);
  }, 30_000);
});
