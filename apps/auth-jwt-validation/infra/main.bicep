// Auth JWT Validation: the Function App from the shared module, told which authority and audience to trust.
// Deploy after `npx nx run auth-jwt-validation:build`, then publish dist/ (see the recipe README).
targetScope = 'resourceGroup'

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'authjwtvalid'

@description('Entra ID tenant whose tokens the API accepts.')
param tenantId string = subscription().tenantId

@description('The API app registration: App ID URI and/or client id the tokens must name in aud (comma-separated).')
param audience string

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
      // v2 endpoint: discovery names the v2 issuer; set accessTokenAcceptedVersion to 2 in the app manifest.
      OIDC_AUTHORITY: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
      OIDC_AUDIENCE: audience
    }
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostname string = functionApp.outputs.defaultHostname
