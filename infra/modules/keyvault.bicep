// Key Vault holding every secret the app reads (approval signing key, webhook secrets, notification credentials and
// targets, the Gate token). Access is by Azure RBAC only; the app's identity gets Key Vault Secrets User (roles.bicep).
// A secret is stored only when a value is given: the app setting for a missing one is left out, so the app refuses that
// feature (closed by default) instead of reading the literal reference text as a secret.
param name string
param location string

@description('App setting name (Foremast__Approvals__SigningKey) to value. Stored as the secret Foremast--Approvals--SigningKey (underscores become dashes).')
@secure()
param secrets object

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

var present = filter(items(secrets), s => !empty(s.value))

resource stored 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = [for s in present: {
  parent: vault
  name: replace(s.key, '_', '-')
  properties: { value: s.value }
}]

output name string = vault.name

@description('One app setting per stored secret, each a Key Vault reference (versionless, so a rotated secret is picked up).')
output references array = [for (s, i) in present: {
  name: s.key
  value: '@Microsoft.KeyVault(SecretUri=${stored[i].properties.secretUri})'
}]
