// Logs and traces: a Log Analytics workspace and the workspace-based Application Insights component the app (and its
// OpenTelemetry exporter, docs/deploy.md) writes to. Local (key-based) ingestion is off: the app authenticates with its
// managed identity (Monitoring Metrics Publisher, see roles.bicep).
param name string
param location string

@description('Days Log Analytics keeps logs and traces.')
@minValue(30)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output insightsName string = insights.name
output connectionString string = insights.properties.ConnectionString
