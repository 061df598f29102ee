// Auth Multi-Tenant: the Function App from the shared module, told the multi-tenant authority, the
// audience and the tenant allow-list (validated by the app at start-up).
// Deploy after `npx nx run auth-multitenant:build`, then publish dist/ (see the recipe README).
targetScope = 'resourceGroup'

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'authmultiten'

@description('The API app registration (multi-tenant): App ID URI and/or client id the tokens must name in aud (comma-separated).')
param audience string

@description('Tenant GUIDs allowed to call the API; empty allows none.')
param allowedTenantIds string[] = []

var token = toLower(uniqueString(subscription().id, resourceGroup().id, namePrefix))

module functionApp '../../../infra/bicep/modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    location: location
    namePrefix: namePrefix
    uniqueSuffix: token
    // AsyncLocalStorage without promise hooks: libs/logging's per-invocation scope (infra/README.md)
    nodeArguments: '--experimental-async-context-frame'
    appSettings: {
      LOG_FORMAT: 'json'
      LOG_LEVEL: 'info'
      // organizations metadata: its issuer names {tenantid}; the app checks iss against each token's tid.
      OIDC_AUTHORITY: '${environment().authentication.loginEndpoint}organizations/v2.0'
      OIDC_AUDIENCE: audience
      ALLOWED_TENANT_IDS: join(allowedTenantIds, ',')
    }
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostname string = functionApp.outputs.defaultHostname
