import { authRoutes } from './auth/routes.ts';
import { consoleRoutes } from './console/routes.ts';
import type { WebDeps } from './deps.ts';
import { portalRoutes } from './portal/routes.ts';
import { publicRoutes } from './public/routes.ts';
import type { WebRoute } from './router.ts';

/** Every page of the site, by area. */
export const WEB_ROUTES: readonly WebRoute<WebDeps>[] = [
  ...authRoutes,
  ...publicRoutes,
  ...consoleRoutes,
  ...portalRoutes,
];
