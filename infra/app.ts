// The CDK app: `npx cdk synth` (offline) builds the CloudFormation template with cdk-nag's AWS Solutions checks.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EcocreditStack } from './stack.ts';

export const buildApp = (app = new App()): App => {
  const stack = new EcocreditStack(app, 'Ecocredit', {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'cn-north-1' },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
};

if (process.argv[1]?.endsWith('infra/app.ts')) buildApp().synth();
