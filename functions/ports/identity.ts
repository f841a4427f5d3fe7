/** Staff identity: the claims of a bearer JWT (ARCHITECTURE.md "Security"). */
export interface StaffClaims {
  readonly role: 'region' | 'league' | 'enterprise' | 'agency';
  readonly league?: string;
  /** For enterprise and agency users: their own USCC. */
  readonly subject?: string;
  readonly sub?: string;
}

export interface TokenVerifier {
  /** The claims of a valid token, or null for an invalid, expired or foreign one. */
  verify(token: string): Promise<StaffClaims | null>;
}

export interface WebhookSecrets {
  /** The `whsec_…` secret of a registered source, or undefined for an unknown source. */
  secretFor(source: string): Promise<string | undefined>;
}
