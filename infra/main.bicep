// Deploys the Foremast.Functions app: a storage account (task hub, leases, queues), a Linux Elastic Premium plan
// (durable timers and long checkpoint waits need an always-warm worker to fire on time), the isolated .NET 10
// Function App and Application Insights. Secrets come in as secure parameters and land in app settings;
// point them at Key Vault references in production.
targetScope = 'resourceGroup'

@description('Short name used to derive resource names.')
@minLength(3)
@maxLength(16)
param name string = 'foremast'

param location string = resourceGroup().location

@description('Public URL of the app, used in approval links (https://<app>.azurewebsites.net when empty).')
param publicBaseUrl string = ''

@description('Spinnaker Gate URL; empty disables publishing.')
param gateUrl string = ''

@secure()
param gateToken string = ''

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

@description('Default for runs whose start request does not say whether they are dry (Foremast:DryRun); a request that says decides.')
param dryRun bool = true

var suffix = uniqueString(resourceGroup().id, name)
var appName = '${name}-${suffix}'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: toLower(take('${name}${suffix}', 24))
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-ai'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web' }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  sku: { name: 'EP1', tier: 'ElasticPremium' }
  kind: 'elastic'
  properties: { reserved: true, maximumElasticWorkerCount: 4 }
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};EndpointSuffix=${environment().suffixes.storage};AccountKey=${storage.listKeys().keys[0].value}'

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNET-ISOLATED|10.0'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'AzureWebJobsStorage', value: storageConnection }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'Foremast__PublicBaseUrl', value: empty(publicBaseUrl) ? 'https://${appName}.azurewebsites.net' : publicBaseUrl }
        { name: 'Foremast__ConfigFile', value: '' }
        { name: 'Foremast__DryRun', value: string(dryRun) }
        { name: 'Foremast__Gate__Url', value: gateUrl }
        { name: 'Foremast__Gate__Token', value: gateToken }
        { name: 'Foremast__GitCacheDirectory', value: '/tmp/foremast-git' }
        { name: 'Foremast__Approvals__SigningKey', value: approvalSigningKey }
        { name: 'Foremast__Approvals__IdentityHeader', value: 'X-MS-CLIENT-PRINCIPAL-NAME' }
        { name: 'Foremast__Approvals__DecisionWait', value: '00:00:20' }
        // Decisions only from a signed-in approver: put App Service Authentication in front of the app.
        { name: 'Foremast__Approvals__RequireIdentity', value: 'true' }
        // App Service's front end appends the client's address to X-Forwarded-For: trust that one entry as a decision's source.
        { name: 'Foremast__Approvals__TrustedProxies', value: '1' }
        { name: 'Foremast__Webhooks__GitHubSecret', value: githubWebhookSecret }
        { name: 'Foremast__Webhooks__GitLabToken', value: gitlabWebhookToken }
        { name: 'Foremast__Webhooks__BitbucketSecret', value: bitbucketWebhookSecret }
        { name: 'Foremast__Webhooks__GenericSecret', value: genericWebhookSecret }
        { name: 'Foremast__Webhooks__AllowUnsigned', value: 'false' }
        { name: 'Foremast__Notifications__Slack__Token', value: slackToken }
        { name: 'Foremast__Notifications__Smtp__Host', value: smtpHost }
        { name: 'Foremast__Notifications__Smtp__Port', value: string(smtpPort) }
        { name: 'Foremast__Notifications__Smtp__User', value: smtpUser }
        { name: 'Foremast__Notifications__Smtp__Password', value: smtpPassword }
        { name: 'Foremast__Notifications__Smtp__From', value: smtpFrom }
        { name: 'Foremast__Notifications__Smtp__UseTls', value: 'true' }
        { name: 'Foremast__Notifications__WebhookSigningKey', value: notificationWebhookSigningKey }
        { name: 'Foremast__Webhooks__Branches__0', value: 'main' }
        { name: 'Foremast__Webhooks__Branches__1', value: 'master' }
      ]
    }
  }
}

output appUrl string = 'https://${app.properties.defaultHostName}'
output hookUrl string = 'https://${app.properties.defaultHostName}/api/hooks/git'
