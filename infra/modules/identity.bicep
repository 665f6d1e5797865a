// The app's user-assigned managed identity: created before the app so that its roles (storage, Key Vault) exist when the
// Flex Consumption plan first pulls the package and resolves Key Vault references. Its token is also what the app
// exchanges for AWS credentials (AssumeRoleWithWebIdentity; docs/deploy.md shows the IAM trust policy).
param name string
param location string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${name}-id'
  location: location
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId
