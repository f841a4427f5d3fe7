import type { WebDeps } from '../deps.ts';
import type { WebRoute } from '../router.ts';
import { blacklistPage } from './blacklist.tsx';
import { homePage } from './home.tsx';
import { listPage, listsPage } from './lists.tsx';
import { measuresPage } from './measures.tsx';
import { publicityRoutes } from './publicity/routes.ts';
import { resultPage } from './result.tsx';
import { searchPage } from './search.tsx';

/** The public site (no sign-in): published results only, never practitioners (Art 18(6), 35). */
export const publicRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/', access: 'anyone', handle: homePage },
  { method: 'GET', path: '/search', access: 'anyone', handle: searchPage },
  { method: 'GET', path: '/results/{kind}/{id}', access: 'anyone', handle: resultPage },
  { method: 'GET', path: '/lists', access: 'anyone', handle: listsPage },
  { method: 'GET', path: '/lists/blacklist', access: 'anyone', handle: blacklistPage },
  { method: 'GET', path: '/measures', access: 'anyone', handle: measuresPage },
  { method: 'GET', path: '/lists/{year}/{kind}', access: 'anyone', handle: listPage },
  ...publicityRoutes,
];
