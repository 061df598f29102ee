// Full Stack Crud Api: a PostgreSQL Flexible Server (Entra authentication only) and the Function App
// that reaches it as a user-assigned managed identity, with an access token as the password.
// Deploy after `npx nx run full-stack-crud-api:build`; run `nx run full-stack-crud-api:migrate` against
// the server (outputs below) before publishing dist/ (see the recipe README).
targetScope = 'resourceGroup'

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'fullstackcru'

@description('Connections each instance may open (Burstable B1ms allows about 50 in total).')
param databasePoolMax int = 5

var token = toLower(uniqueString(subscription().id, resourceGroup().id, namePrefix))

// The identity exists before the app, so the server can make it an administrator first.
resource dbIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-db-id-${token}'
  location: location
}

module db '../../../infra/bicep/modules/postgres-flexible.bicep' = {
  name: 'postgres'
  params: {
    location: location
    name: '${namePrefix}-pg-${token}'
    databaseName: 'items'
    administratorPrincipalId: dbIdentity.properties.principalId
    administratorName: dbIdentity.name
  }
}

module functionApp '../../../infra/bicep/modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    location: location
    namePrefix: namePrefix
    uniqueSuffix: token
    // AsyncLocalStorage without promise hooks: libs/logging's per-invocation scope (infra/README.md)
    nodeArguments: '--experimental-async-context-frame'
    userAssignedIdentityIds: [dbIdentity.id]
    appSettings: {
      LOG_FORMAT: 'json'
      LOG_LEVEL: 'info'
      // No password anywhere: the app asks Entra ID for a token as this identity.
      DATABASE_URL: db.outputs.databaseUrl
      DATABASE_CLIENT_ID: dbIdentity.properties.clientId
      DATABASE_POOL_MAX: string(databasePoolMax)
      // Migrations are a deploy step, not something each instance does at start.
      MIGRATE_ON_START: 'false'
    }
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostname string = functionApp.outputs.defaultHostname
output postgresServerName string = db.outputs.serverName
output databaseUrl string = db.outputs.databaseUrl
output databaseIdentityClientId string = dbIdentity.properties.clientId
