import { CookieSigner } from '../web/session/session.ts';

/** The cookie signer of the site's session key, made again only when the key rotates. */
export const rotatingSigner = (secret: () => Promise<string>): (() => Promise<CookieSigner>) => {
  let current: { raw: string; signer: CookieSigner } | null = null;
  return async () => {
    const raw = await secret();
    if (current?.raw !== raw) current = { raw, signer: new CookieSigner(raw) };
    return current.signer;
  };
};
