import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { type CfnStage, HttpApi, HttpMethod, HttpStage, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer, HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { FeaturePlan, Mfa, StandardThreatProtectionMode, StringAttribute, UserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type HandlerName, ROUTES } from '../definitions.ts';
import { Layer } from './layer.ts';

export interface StaffIssuer {
  readonly issuer: string;
  readonly audience: string;
}

/**
 * The HTTP API: the routes of `ROUTES`, a JWT authorizer on the staff routes (a Cognito user pool, or
 * an external OIDC issuer where Cognito does not exist), access logs, and a stricter limit on the
 * public routes (webhooks, public lookups, health).
 */
export class Api extends Layer {
  readonly api: HttpApi;
  /** Where staff tokens come from: the functions verify optional tokens against the same issuer. */
  readonly staff: StaffIssuer;
  private readonly authorizer: IHttpRouteAuthorizer;

  constructor(scope: Construct, id: string, props: { readonly prefix: string; readonly staffIssuer?: StaffIssuer }) {
    super(scope, id);
    const auth = props.staffIssuer ? externalIssuer(props.staffIssuer) : this.cognitoPool();
    this.staff = { issuer: auth.issuer, audience: auth.audience };
    this.authorizer = auth.authorizer;
    this.api = new HttpApi(this, 'Api', { apiName: `${props.prefix}-api`, createDefaultStage: false });
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
      ROUTES.filter((r) => r.throttled).map((r) => [
        `${r.method} ${r.path}`,
        { throttlingRateLimit: 50, throttlingBurstLimit: 100 },
      ]),
    );
  }

  /** Every route of `ROUTES` to its function. */
  route(functions: Readonly<Record<HandlerName, IFunction>>): void {
    for (const r of ROUTES) {
      const routes = this.api.addRoutes({
        path: r.path,
        methods: [HttpMethod[r.method]],
        integration: new HttpLambdaIntegration(`${r.handler}${r.method}Integration`, functions[r.handler]),
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

  /** Staff sign in to a Cognito user pool: MFA required, no self sign-up, custom role/league/subject. */
  private cognitoPool(): StaffIssuer & { authorizer: IHttpRouteAuthorizer } {
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
    const client = staff.addClient('StaffWeb', { authFlows: { userSrp: true }, generateSecret: false });
    return {
      issuer: `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${staff.userPoolId}`,
      audience: client.userPoolClientId,
      authorizer: new HttpUserPoolAuthorizer('StaffAuthorizer', staff, { userPoolClients: [client] }),
    };
  }
}

const externalIssuer = (external: StaffIssuer): StaffIssuer & { authorizer: IHttpRouteAuthorizer } => ({
  ...external,
  authorizer: new HttpJwtAuthorizer('StaffAuthorizer', external.issuer, { jwtAudience: [external.audience] }),
});

/** Why a route without the JWT authorizer is fine (cdk-nag AwsSolutions-APIG4). */
const PUBLIC_ROUTE_REASONS: Partial<Record<HandlerName, string>> & { health: string } = {
  ingestHttp:
    'Webhooks are authenticated by their Standard Webhooks signature (per-source secret), checked in the handler.',
  scoreLookup:
    'Public lookups of published grades are the regulation’s purpose (Art 15, 16(5)); staff tokens on this route are verified in the handler.',
  health: 'Health check for load balancers and monitors; it reveals nothing.',
  openApi: 'The OpenAPI document describes the public contract of the API; it reveals no data.',
};
