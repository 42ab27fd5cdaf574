import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Committed migrations are never edited: each one's SHA-256 is recorded in
 * db/migration-checksums.json beside drizzle's journal (drizzle applies a
 * migration once, by its journal entry, so an edited file would never reach a
 * database that already ran it). A new migration adds its line there.
 */
const DIR = join(process.cwd(), 'db/migrations');
const journal = JSON.parse(readFileSync(join(DIR, 'meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};
const recorded = JSON.parse(
  readFileSync(join(process.cwd(), 'db/migration-checksums.json'), 'utf8'),
) as Record<string, string>;
const sha256 = (tag: string) =>
  createHash('sha256')
    .update(readFileSync(join(DIR, `${tag}.sql`)))
    .digest('hex');

describe('committed migrations', () => {
  it('match the checksums recorded when they were committed', () => {
    const edited = journal.entries
      .filter((e) => recorded[e.tag] !== undefined && recorded[e.tag] !== sha256(e.tag))
      .map((e) => e.tag);
    expect(edited, 'write a new migration instead of editing a committed one').toEqual([]);
  });

  it('each have a journal entry and a recorded checksum', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => f.slice(0, -4));
    expect(files.sort()).toEqual(journal.entries.map((e) => e.tag).sort());
    const missing = journal.entries.filter((e) => recorded[e.tag] === undefined).map((e) => e.tag);
    expect(missing, 'record the new migration in db/migration-checksums.json').toEqual([]);
  });
});
