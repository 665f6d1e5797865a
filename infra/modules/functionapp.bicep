// The Function App on the Flex Consumption plan (Linux, .NET isolated). Flex sets the runtime in functionAppConfig
// (FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION app settings are not allowed there) and deploys from a blob
// container read with the managed identity. Durable timers (checkpoint expiry, health polling) are messages on the task
// hub's control queues, which the Flex scaler watches; `durableAlwaysReady` keeps instances warm so they fire on time
// without a cold start.
param name string
param location string
param identityId string
param deploymentContainerUrl string
param appSettings array

@description('.NET version of the isolated worker.')
param runtimeVersion string = '10.0'

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Instances kept warm for the durable group (orchestrators, activities, timers).')
@minValue(0)
param durableAlwaysReady int = 1

@description('Entra ID app registration (client id) for App Service authentication; empty leaves authentication off, and with Foremast:Approvals:RequireIdentity on, no one can decide a checkpoint.')
param authClientId string = ''

@description('App setting that holds the app registration client secret for App Service authentication.')
param authClientCredentialAppSetting string = ''

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: '${name}-plan'
  location: location
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity (the default would be a system identity it does not have).
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: durableAlwaysReady > 0 ? [{ name: 'durable', instanceCount: durableAlwaysReady }] : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: appSettings
    }
  }
}

// Approvers sign in with Entra ID. Git hooks (HMAC-signed by the provider) and the health probe stay reachable without it;
// everything else, the approval pages included, redirects to the sign-in page, and the app reads the signed-in name from
// X-MS-CLIENT-PRINCIPAL-NAME (Foremast:Approvals:IdentityHeader), a header the platform sets and strips from callers.
resource auth 'Microsoft.Web/sites/config@2025-03-01' = if (!empty(authClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/api/hooks/git'
        '/api/health'
      ]
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          clientSecretSettingName: empty(authClientCredentialAppSetting) ? null : authClientCredentialAppSetting
          openIdIssuer: '${environment().authentication.loginEndpoint}${subscription().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: { enabled: false }
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
