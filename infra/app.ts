// The CDK app: `npx cdk synth` (offline) builds the CloudFormation template with cdk-nag's AWS Solutions checks.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EcocreditStack } from './stack.ts';

export const buildApp = (app = new App()): App => {
  // `-c staffIssuer=https://… -c staffAudience=…`: staff tokens from an external OIDC issuer instead of
  // Cognito (required in the AWS China regions, where Cognito user pools do not exist).
  const issuer = app.node.tryGetContext('staffIssuer') as string | undefined;
  const audience = app.node.tryGetContext('staffAudience') as string | undefined;
  new EcocreditStack(app, 'Ecocredit', {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    ...(issuer && audience ? { staffIssuer: { issuer, audience } } : {}),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
};

if (process.argv[1]?.endsWith('infra/app.ts')) buildApp().synth();
