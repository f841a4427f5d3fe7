import type { TokenVerification, TokenVerifier } from '../ports/identity.ts';

/**
 * For functions that serve only routes behind the API's JWT authorizer (docs/aws.md): API Gateway
 * verifies every staff token before the function runs and hands it the claims, which
 * `identify` reads first. A bearer token that reaches such a function without the authorizer's
 * claims was not verified by it, and is refused; so these functions carry no JWT library at all.
 */
export class AuthorizerVerifiedTokens implements TokenVerifier {
  async check(): Promise<TokenVerification> {
    return { ok: false, reason: 'bad-signature' };
  }
}
