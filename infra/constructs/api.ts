import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { type CfnStage, HttpApi, HttpMethod, HttpStage, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer, HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type HandlerName, PAGE_ROUTES, ROUTES } from '../definitions.ts';
import { Layer } from './layer.ts';

export interface StaffIssuer {
  readonly issuer: string;
  readonly audience: string;
}

/** Where the pages are served and, with Cognito, the prefix of its sign-in domain (docs/web.md). */
export interface SiteSettings {
  /** `https://credit.example.cn` when a custom domain fronts the API; default the API's own URL. */
  readonly url?: string;
  /** `<prefix>.auth.<region>.amazoncognito.com`; default `<resource prefix>-<account>`. */
  readonly signInDomainPrefix?: string;
}

/**
 * A Cognito ID token lives one working day: the session of the pages lasts no longer than its token,
 * and the staff token policy takes no token of more than 12 hours (functions/shared/auth.ts).
 */
export const STAFF_ID_TOKEN_HOURS = 8;

/**
 * The HTTP API: the routes of `ROUTES`, a JWT authorizer on the staff routes (a Cognito user pool, or
 * an external OIDC issuer where Cognito does not exist), access logs, and a stricter limit on the
 * public routes (webhooks, public lookups, health).
 */
export class Api extends Layer {
  readonly api: HttpApi;
  /** Where staff tokens come from: the functions verify optional tokens against the same issuer. */
  readonly staff: StaffIssuer;
  /** The site's address: sign-in returns to `<url>/auth/callback`, sign-out to `<url>/`. */
  readonly siteUrl: string;
  /** Cognito's hosted sign-in (absent with an external issuer). */
  readonly signInDomain?: string;
  private readonly authorizer: IHttpRouteAuthorizer;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly prefix: string; readonly staffIssuer?: StaffIssuer; readonly site?: SiteSettings },
  ) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', { apiName: `${props.prefix}-api`, createDefaultStage: false });
    this.siteUrl = (props.site?.url ?? this.api.apiEndpoint).replace(/\/+$/, '');
    const domainPrefix = props.site?.signInDomainPrefix ?? `${props.prefix}-${Stack.of(this).account}`;
    const auth = props.staffIssuer ? externalIssuer(props.staffIssuer) : this.cognitoPool(this.siteUrl, domainPrefix);
    this.staff = { issuer: auth.issuer, audience: auth.audience };
    this.authorizer = auth.authorizer;
    if (auth.signInDomain !== undefined) this.signInDomain = auth.signInDomain;
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stage = new HttpStage(this, 'ApiStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    const cfnStage = stage.node.defaultChild as CfnStage;
    cfnStage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latency: '$context.responseLatency',
      }),
    };
    cfnStage.routeSettings = Object.fromEntries(
      [...ROUTES, ...PAGE_ROUTES]
        .filter((r) => r.throttled)
        .map((r) => [`${r.method} ${r.path}`, { throttlingRateLimit: 50, throttlingBurstLimit: 100 }]),
    );
  }

  /** Every route of `ROUTES` and `PAGE_ROUTES` to its function (one integration per function and method). */
  route(functions: Readonly<Record<HandlerName, IFunction>>): void {
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integration = (handler: HandlerName, method: string) => {
      const id = `${handler}${method}Integration`;
      if (!integrations.has(id)) integrations.set(id, new HttpLambdaIntegration(id, functions[handler]));
      return integrations.get(id)!;
    };
    for (const r of [...ROUTES, ...PAGE_ROUTES]) {
      const routes = this.api.addRoutes({
        path: r.path,
        methods: [HttpMethod[r.method]],
        integration: integration(r.handler, r.method),
        ...(r.auth === 'jwt' ? { authorizer: this.authorizer } : {}),
      });
      if (r.auth !== 'jwt')
        for (const route of routes)
          Validations.of(route).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: PUBLIC_ROUTE_REASONS[r.handler] ?? PUBLIC_ROUTE_REASONS.health,
          });
    }
  }

  /**
   * Staff sign in to a Cognito user pool: MFA required, no self sign-up, custom role/league/subject
   * set by administrators only. Its one app client is public (no secret) and serves both the API's
   * tokens and the pages' sign-in (authorization code with PKCE at the pool's hosted domain).
   */
  private cognitoPool(siteUrl: string, domainPrefix: string): StaffIssuer & Auth {
    const staff = new UserPool(this, 'StaffPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        role: new StringAttribute({ mutable: true }),
        league: new StringAttribute({ mutable: true }),
        subject: new StringAttribute({ mutable: true }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const domain = staff.addDomain('StaffSignIn', { cognitoDomain: { domainPrefix } });
    const client = staff.addClient('StaffWeb', {
      authFlows: { userSrp: true },
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE],
        callbackUrls: [`${siteUrl}/auth/callback`],
        logoutUrls: [`${siteUrl}/`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.hours(STAFF_ID_TOKEN_HOURS),
      preventUserExistenceErrors: true,
      // The role, league and subject are given by administrators: a person may not change their own.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, preferredUsername: true }),
    });
    return {
      issuer: `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${staff.userPoolId}`,
      audience: client.userPoolClientId,
      authorizer: new HttpUserPoolAuthorizer('StaffAuthorizer', staff, { userPoolClients: [client] }),
      signInDomain: domain.baseUrl(),
    };
  }
}

interface Auth {
  readonly authorizer: IHttpRouteAuthorizer;
  readonly signInDomain?: string;
}

const externalIssuer = (external: StaffIssuer): StaffIssuer & Auth => ({
  ...external,
  authorizer: new HttpJwtAuthorizer('StaffAuthorizer', external.issuer, { jwtAudience: [external.audience] }),
});

/** Why a route without the JWT authorizer is fine (cdk-nag AwsSolutions-APIG4). */
const PUBLIC_ROUTE_REASONS: Partial<Record<HandlerName, string>> & { health: string } = {
  ingestHttp:
    'Webhooks are authenticated by their Standard Webhooks signature (per-source secret), checked in the handler.',
  scoreLookup:
    'Public lookups of published grades are the regulation’s purpose (Art 15, 16(5)); staff tokens on this route are verified in the handler.',
  resultsApi:
    'The measures lookup answers from published results only, public by the regulation (Art 20, 29–31); the sampling list on this function stays behind the JWT authorizer.',
  health: 'Health check for load balancers and monitors; it reveals nothing.',
  openApi: 'The OpenAPI document describes the public contract of the API; it reveals no data.',
  web: 'The pages sign people in themselves (OpenID Connect, a signed session cookie) and authorise each use case as the API does.',
  webExports:
    'The Excel downloads check the pages’ signed session cookie themselves; the public lists are public by the regulation (Art 16(5)).',
};
