// Deploys Foremast.Functions for production (docs/deploy.md): the Function App on the Flex Consumption plan (.NET 10
// isolated), its storage account as the Durable Functions task hub, Application Insights on a Log Analytics workspace, a
// Key Vault holding every secret (referenced from app settings), and one user-assigned managed identity with the least roles
// it needs. AWS access has no long-lived keys: the identity's Entra ID token for `awsAudience` is exchanged for the
// `awsRoleArn` role through STS AssumeRoleWithWebIdentity (an IAM OIDC provider trusting the tenant).
targetScope = 'resourceGroup'

@description('Short name used to derive resource names.')
@minLength(3)
@maxLength(16)
param name string = 'foremast'

param location string = resourceGroup().location

@description('Public URL of the app, used in approval links (https://<app>.azurewebsites.net when empty).')
param publicBaseUrl string = ''

@description('Default for runs whose start request does not say whether they are dry (Foremast:DryRun); a request that says decides.')
param dryRun bool = true

@description('Global Foremast config (config.py CONFIG as JSON) path inside the app; empty: the app\'s default.')
param configFile string = ''

@description('IAM role the app assumes with its managed identity token (arn:aws:iam::<account>:role/<name>); empty: AWS calls are refused.')
param awsRoleArn string = ''

@description('Audience of the managed identity token, e.g. the Application ID URI of an Entra app registration (api://foremast-aws); the IAM OIDC provider lists it as a client id. Required with awsRoleArn.')
param awsAudience string = ''

@description('Spinnaker Gate URL; empty disables publishing.')
param gateUrl string = ''

@secure()
param gateToken string = ''

@description('At least 32 random characters: signs approval links (openssl rand -base64 48).')
@secure()
@minLength(32)
param approvalSigningKey string

@secure()
param githubWebhookSecret string = ''

@secure()
param gitlabWebhookToken string = ''

@secure()
param bitbucketWebhookSecret string = ''

@secure()
param genericWebhookSecret string = ''

@description('Slack bot token for channel addresses in pipeline_notifications (incoming-webhook URLs need none).')
@secure()
param slackToken string = ''

@description('Named notification addresses (`setting:NAME` in pipeline_notifications), e.g. {"ops-slack": "https://hooks.slack.com/..."}; names use letters, digits and dashes.')
@secure()
param notificationTargets object = {}

@description('SMTP submission server for email notifications; empty: email targets fail and are recorded on the run.')
param smtpHost string = ''

param smtpPort int = 587

param smtpUser string = ''

@secure()
param smtpPassword string = ''

param smtpFrom string = ''

@description('HMAC key for the signed JSON "webhook" notification type (X-Foremast-Signature).')
@secure()
param notificationWebhookSigningKey string = ''

@description('Entra ID app registration (client id) for App Service authentication in front of the approval pages.')
param authClientId string = ''

@description('Client secret of that app registration (kept in Key Vault).')
@secure()
param authClientSecret string = ''

@description('Instances kept warm for orchestrations, activities and durable timers (0: scale to zero).')
@minValue(0)
param durableAlwaysReady int = 1

var suffix = uniqueString(resourceGroup().id, name)
var appName = '${name}-${suffix}'
var deploymentContainer = 'app-package'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: appName, location: location }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: toLower(take('${name}${suffix}', 24))
    location: location
    deploymentContainer: deploymentContainer
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { name: appName, location: location }
}

// App setting name -> secret; each becomes a Key Vault secret and the setting a Key Vault reference.
var authSecretSetting = 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
var secretSettings = union({
  Foremast__Approvals__SigningKey: approvalSigningKey
  Foremast__Gate__Token: gateToken
  Foremast__Webhooks__GitHubSecret: githubWebhookSecret
  Foremast__Webhooks__GitLabToken: gitlabWebhookToken
  Foremast__Webhooks__BitbucketSecret: bitbucketWebhookSecret
  Foremast__Webhooks__GenericSecret: genericWebhookSecret
  Foremast__Notifications__Slack__Token: slackToken
  Foremast__Notifications__Smtp__Password: smtpPassword
  Foremast__Notifications__WebhookSigningKey: notificationWebhookSigningKey
  MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: authClientSecret
}, toObject(items(notificationTargets), t => 'Foremast__Notifications__Targets__${t.key}', t => t.value))

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('${name}-${suffix}', 24)
    location: location
    secrets: secretSettings
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.outputs.principalId
    storageName: storage.outputs.name
    vaultName: vault.outputs.name
    insightsName: monitoring.outputs.insightsName
  }
}

var plainSettings = [
  // Identity-based host storage: the Functions host, the Durable task hub (connectionName AzureWebJobsStorage in host.json)
  // and the app's pipeline store all use the managed identity; the account allows no shared keys.
  { name: 'AzureWebJobsStorage__accountName', value: storage.outputs.name }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identity.outputs.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: monitoring.outputs.connectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.outputs.clientId};Authorization=AAD' }
  { name: 'Foremast__PublicBaseUrl', value: empty(publicBaseUrl) ? 'https://${appName}.azurewebsites.net' : publicBaseUrl }
  { name: 'Foremast__ConfigFile', value: configFile }
  { name: 'Foremast__DryRun', value: string(dryRun) }
  { name: 'Foremast__Gate__Url', value: gateUrl }
  { name: 'Foremast__GitCacheDirectory', value: '/tmp/foremast-git' }
  { name: 'Foremast__Approvals__IdentityHeader', value: 'X-MS-CLIENT-PRINCIPAL-NAME' }
  { name: 'Foremast__Approvals__DecisionWait', value: '00:00:20' }
  // Decisions only from a signed-in approver: App Service authentication sits in front of the approval pages.
  { name: 'Foremast__Approvals__RequireIdentity', value: 'true' }
  // App Service's front end appends the client's address to X-Forwarded-For: trust that one entry as a decision's source.
  { name: 'Foremast__Approvals__TrustedProxies', value: '1' }
  { name: 'Foremast__Webhooks__AllowUnsigned', value: 'false' }
  { name: 'Foremast__Webhooks__Branches__0', value: 'main' }
  { name: 'Foremast__Webhooks__Branches__1', value: 'master' }
  { name: 'Foremast__Notifications__Smtp__Host', value: smtpHost }
  { name: 'Foremast__Notifications__Smtp__Port', value: string(smtpPort) }
  { name: 'Foremast__Notifications__Smtp__User', value: smtpUser }
  { name: 'Foremast__Notifications__Smtp__From', value: smtpFrom }
  { name: 'Foremast__Notifications__Smtp__UseTls', value: 'true' }
  // AWS without long-lived keys: the identity's token for this audience, exchanged for the role (AssumeRoleWithWebIdentity).
  { name: 'Foremast__Aws__WebIdentity__RoleArn', value: awsRoleArn }
  { name: 'Foremast__Aws__WebIdentity__Audience', value: awsAudience }
  { name: 'Foremast__Aws__WebIdentity__ClientId', value: identity.outputs.clientId }
]

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  dependsOn: [roles]
  params: {
    name: appName
    location: location
    identityId: identity.outputs.id
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}${deploymentContainer}'
    appSettings: concat(plainSettings, vault.outputs.references)
    durableAlwaysReady: durableAlwaysReady
    authClientId: authClientId
    authClientCredentialAppSetting: empty(authClientSecret) ? '' : authSecretSetting
  }
}

output appName string = app.outputs.name
output appUrl string = 'https://${app.outputs.defaultHostName}'
output hookUrl string = 'https://${app.outputs.defaultHostName}/api/hooks/git'
output keyVaultName string = vault.outputs.name
output managedIdentityClientId string = identity.outputs.clientId
output managedIdentityPrincipalId string = identity.outputs.principalId
output tenantId string = identity.outputs.tenantId
