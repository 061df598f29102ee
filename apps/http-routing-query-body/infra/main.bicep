// HTTP Routing, Query and Body: the Function App from the shared module. The users live in memory,
// per instance (Flex Consumption cannot cap scale-out below 40), so this deploys a demo, not a store.
// Deploy after `npx nx run http-routing-query-body:build`, then publish dist/ (see the recipe README).
targetScope = 'resourceGroup'

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'httproutingq'

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

output functionAppName string = functionApp.outputs.name
output functionAppHostname string = functionApp.outputs.defaultHostname
