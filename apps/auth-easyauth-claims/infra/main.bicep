// Auth EasyAuth Claims: the Function App from the shared module, behind App Service Authentication
// (Entra ID; unauthenticated requests get 401 and client-sent X-MS-CLIENT-PRINCIPAL headers are stripped).
// Deploy after `npx nx run auth-easyauth-claims:build`, then publish dist/ (see the recipe README).
targetScope = 'resourceGroup'

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'autheasyauth'

@description('Client (application) id of the Entra app registration that represents this API.')
param apiClientId string

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
    }
  }
}

module auth '../../../infra/bicep/modules/app-service-auth.bicep' = {
  name: 'app-service-auth'
  params: {
    functionAppName: functionApp.outputs.name
    clientId: apiClientId
    allowedAudiences: ['api://${apiClientId}']
    excludedPaths: ['/api/openapi.json', '/api/docs']
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostname string = functionApp.outputs.defaultHostname
