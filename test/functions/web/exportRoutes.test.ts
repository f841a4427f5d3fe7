import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { EXPORT_ROUTES } from '../../../functions/web/exportRoutes.ts';
import { WEB_ROUTES } from '../../../functions/web/routes.ts';
import { esbuildOptions } from '../../../infra/bundling.ts';

/** The project files and packages a function's bundle holds, as esbuild's metafile names them. */
const inputsOf = async (entry: string): Promise<string[]> => {
  const result = await build(esbuildOptions(entry));
  return Object.keys(result.metafile!.inputs);
};

describe('the Excel downloads are their own function', () => {
  it('serves every download under /exports/, and no page there', () => {
    expect(EXPORT_ROUTES.length).toBeGreaterThanOrEqual(5);
    expect(EXPORT_ROUTES.filter((r) => !r.path.startsWith('/exports/'))).toEqual([]);
    expect(WEB_ROUTES.filter((r) => r.path.startsWith('/exports/') || r.path.endsWith('/xlsx'))).toEqual([]);
  });

  it('downloads by GET, the public lists to anyone and the console lists to the bureaus; takes only a list import by POST', () => {
    expect(EXPORT_ROUTES.map((r) => [r.method, r.path, r.access])).toEqual([
      ['GET', '/exports/lists/{year}/{kind}', 'anyone'],
      ['GET', '/exports/lists/blacklist', 'anyone'],
      ['GET', '/exports/console/cycles/{year}/{kind}', 'bureau'],
      ['GET', '/exports/console/stuck', 'bureau'],
      ['GET', '/exports/console/subjects', 'bureau'],
      ['GET', '/exports/console/repairs', 'bureau'],
      ['GET', '/exports/console/participants/{year}/{kind}', 'bureau'],
      ['GET', '/exports/console/participants/{year}/{kind}/template', 'bureau'],
      ['POST', '/exports/console/participants/{year}/{kind}/import', 'bureau'],
      ['GET', '/exports/console/objections', 'bureau'],
      ['GET', '/exports/console/notices', 'bureau'],
      ['GET', '/exports/console/sampling', 'bureau'],
      ['GET', '/exports/console/statistics', 'bureau'],
      ['GET', '/exports/console/warnings', 'bureau'],
      ['GET', '/exports/console/reports/{year}/{kind}', 'bureau'],
      ['GET', '/exports/console/reports/{year}/{kind}/{league}', 'bureau'],
      ['GET', '/exports/console/comments/{year}/{kind}', 'bureau'],
      // The review group is neither bureau nor participant: its use case authorises (review.read).
      ['GET', '/exports/console/review/{year}/{kind}', 'signedIn'],
      ['GET', '/exports/console/letters', 'bureau'],
    ]);
  });

  it('keeps the workbook library out of the pages’ bundle and in the downloads’ bundle', async () => {
    const pages = await inputsOf('functions/web/main.ts');
    const exports = await inputsOf('functions/web-exports/main.ts');
    expect(pages.some((p) => p.startsWith('functions/web/routes.ts'))).toBe(true);
    expect(pages.filter((p) => p.includes('node_modules/exceljs') || p.endsWith('functions/web/ui/xlsx.ts'))).toEqual(
      [],
    );
    expect(exports.some((p) => p.includes('node_modules/exceljs'))).toBe(true);
  }, 60_000);
});
