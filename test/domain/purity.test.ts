import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** docs/architecture.md: `domain/` imports nothing from AWS, HTTP, the clock or the environment. */
const root = fileURLToPath(new URL('../../domain/', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });

describe('the domain is pure', () => {
  const sources = files(root).map((f) => ({ f, text: readFileSync(f, 'utf8') }));

  it('has modules to check', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each([
    ['AWS SDK or Lambda types', /from '(@aws-sdk|aws-lambda|aws-cdk-lib|@aws-lambda-powertools)/],
    ['HTTP, files or processes', /from 'node:(http|https|fs|child_process|net|os)'/],
    ['the clock', /Date\.now\(|new Date\(\)/],
    ['the environment', /process\.(env|argv|exit)/],
    ['the functions or infra layers', /from '\.\.\/\.\.\/(functions|infra)\//],
  ])('never touches %s', (_what, forbidden) => {
    expect(sources.filter((s) => forbidden.test(s.text)).map((s) => s.f)).toEqual([]);
  });
});
