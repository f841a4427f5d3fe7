import type { AuthDeps } from './auth/deps.ts';
import type { ConsoleDeps } from './console/deps.ts';
import type { PortalDeps } from './portal/deps.ts';
import type { PublicDeps } from './public/deps.ts';

/** What the pages use, by area; each area's composition builds its part (functions/composition/web/). */
export interface WebDeps {
  readonly public: PublicDeps;
  readonly console: ConsoleDeps;
  readonly portal: PortalDeps;
  readonly auth: AuthDeps;
}
