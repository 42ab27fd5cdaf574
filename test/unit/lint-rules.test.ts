import { execFileSync } from 'node:child_process';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layers and the formatter are enforced by `npm run lint`, not by review. */
describe('npm run lint', () => {
  const eslint = new ESLint();

  it('refuses a drizzle or db import in a route', async () => {
    const [result] = await eslint.lintText(
      "import { eq } from 'drizzle-orm';\nimport { potentials } from '../../../db/schema';\nexport const x = [eq, potentials];\n",
      { filePath: 'src/routes/potentials/probe.ts' },
    );
    const rules = result!.messages.map((m) => m.ruleId);
    expect(rules.filter((r) => r === 'no-restricted-imports')).toHaveLength(2);
  });

  it('refuses I/O in a pure module', async () => {
    const [result] = await eslint.lintText(
      "import { readFileSync } from 'node:fs';\nimport { recordAudit } from '../platform/audit';\nexport const x = [readFileSync, recordAudit];\n",
      { filePath: 'src/matching/probe.ts' },
    );
    expect(result!.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toHaveLength(2);
  });

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
