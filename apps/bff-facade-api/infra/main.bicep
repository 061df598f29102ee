// BFF Facade API: the Function App from the shared module, with the three downstream URLs and
// their timeouts as app settings. Deploy after `npx nx run bff-facade-api:build`, then publish dist/.
targetScope = 'resourceGroup'

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'bfffacadeapi'

@description('Base URL of the profile service (required part): GET {url}/{customer_id}.')
param profileServiceUrl string

@description('Base URL of the orders service (optional part): GET {url}?customer_id=…')
param ordersServiceUrl string

@description('Base URL of the recommendations service (optional part): GET {url}?customer_id=…')
param recommendationsServiceUrl string

@description('Per-attempt timeouts and the overall deadline, in milliseconds (50-60000).')
param timeoutsMs object = {
  profile: 1000
  orders: 800
  recommendations: 500
  deadline: 1500
}

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
      PROFILE_SERVICE_URL: profileServiceUrl
      ORDERS_SERVICE_URL: ordersServiceUrl
      RECOMMENDATIONS_SERVICE_URL: recommendationsServiceUrl
      PROFILE_TIMEOUT_MS: string(timeoutsMs.profile)
      ORDERS_TIMEOUT_MS: string(timeoutsMs.orders)
      RECOMMENDATIONS_TIMEOUT_MS: string(timeoutsMs.recommendations)
      DASHBOARD_DEADLINE_MS: string(timeoutsMs.deadline)
    }
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostname string = functionApp.outputs.defaultHostname
