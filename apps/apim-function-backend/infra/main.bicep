// Azure Functions (Flex Consumption) behind Azure API Management (Basic v2 / Standard v2).
// Deploy after `npx nx run apim-function-backend:build` (the API definition is dist/openapi.apim.json,
// the OpenAPI 3.0.3 twin of dist/openapi.json: APIM imports 3.0.x fully, 3.1 only partly).
targetScope = 'resourceGroup'

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'catalog'

@description('APIM tier. Consumption lacks the built-in cache and rate-limit-by-key, so it is not offered.')
@allowed(['BasicV2', 'StandardV2'])
param apimSku string = 'BasicV2'

@description('Publisher e-mail shown by APIM (required by the service).')
param publisherEmail string

@description('Publisher name shown by APIM.')
param publisherName string = 'Catalog API'

@description('Entra ID tenant that issues the access tokens.')
param tenantId string = tenant().tenantId

@description('Expected "aud" of access tokens: the API app registration client id (v2 tokens).')
param jwtAudience string

@description('Calls allowed per subscription per window.')
@minValue(1)
param rateLimitCalls int = 60

@description('Rate-limit window in seconds (APIM maximum 300).')
@minValue(1)
@maxValue(300)
param rateLimitPeriod int = 60

@description('Seconds a catalog item stays in the APIM cache; keep it at or below the function max-age.')
@minValue(1)
param cacheDuration int = 60

@description('Flex Consumption scale-out limit.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

var token = toLower(uniqueString(subscription().id, resourceGroup().id, namePrefix))
var apimName = '${namePrefix}-apim-${token}'

// The Function App, its storage, logs and identity: the module every recipe shares.
module functionApp '../../../infra/bicep/modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    location: location
    namePrefix: namePrefix
    uniqueSuffix: token
    // AsyncLocalStorage without promise hooks: libs/logging's per-invocation scope (infra/README.md)
    nodeArguments: '--experimental-async-context-frame'
    maximumInstanceCount: maximumInstanceCount
    appSettings: {
      LOG_FORMAT: 'json'
      LOG_LEVEL: 'info'
    }
  }
}

resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: apimName
  location: location
  sku: {
    name: apimSku
    capacity: 1
  }
  identity: { type: 'SystemAssigned' }
  properties: {
    publisherEmail: publisherEmail
    publisherName: publisherName
  }
}

// Every {{named value}} used by apim/*.xml; the IaC consistency test keeps this list complete.
var plainNamedValues = {
  'tenant-id': tenantId
  'openid-config-url': '${environment().authentication.loginEndpoint}${tenantId}/v2.0/.well-known/openid-configuration'
  'jwt-audience': jwtAudience
  'rate-limit-calls': string(rateLimitCalls)
  'rate-limit-period': string(rateLimitPeriod)
  'cache-duration': string(cacheDuration)
}

resource namedValues 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = [
  for item in items(plainNamedValues): {
    parent: apim
    name: item.key
    properties: {
      displayName: item.key
      value: item.value
      secret: false
    }
  }
]

resource functionHostKey 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: apim
  name: 'function-host-key'
  properties: {
    displayName: 'function-host-key'
    // Read at deploy time, stored as an APIM secret; never written to a file or an output.
    value: listKeys('${functionApp.outputs.id}/host/default', '2024-04-01').functionKeys.default
    secret: true
  }
}

resource backend 'Microsoft.ApiManagement/service/backends@2024-05-01' = {
  parent: apim
  name: 'catalog-function-backend'
  properties: {
    protocol: 'http'
    url: 'https://${functionApp.outputs.defaultHostname}/api'
    resourceId: '${environment().resourceManager}${substring(functionApp.outputs.id, 1)}'
    credentials: {
      header: {
        'x-functions-key': ['{{function-host-key}}']
      }
    }
  }
  dependsOn: [functionHostKey]
}

resource api 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'catalog'
  properties: {
    displayName: 'Catalog'
    path: 'api'
    protocols: ['https']
    subscriptionRequired: true
    subscriptionKeyParameterNames: {
      header: 'Ocp-Apim-Subscription-Key'
      query: 'subscription-key'
    }
    serviceUrl: 'https://${functionApp.outputs.defaultHostname}/api'
    format: 'openapi+json'
    value: loadTextContent('../dist/openapi.apim.json')
  }
}

resource apiPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: api
  name: 'policy'
  properties: {
    format: 'xml'
    value: loadTextContent('../apim/api-policy.xml')
  }
  dependsOn: [namedValues, functionHostKey, backend]
}

resource getCatalogItem 'Microsoft.ApiManagement/service/apis/operations@2024-05-01' existing = {
  parent: api
  name: 'getCatalogItem'
}

resource getCatalogItemPolicy 'Microsoft.ApiManagement/service/apis/operations/policies@2024-05-01' = {
  parent: getCatalogItem
  name: 'policy'
  properties: {
    format: 'xml'
    value: loadTextContent('../apim/operations/getCatalogItem.xml')
  }
  // The operation exists only once the OpenAPI import above has run.
  dependsOn: [api, namedValues, apiPolicy]
}

resource product 'Microsoft.ApiManagement/service/products@2024-05-01' = {
  parent: apim
  name: 'catalog'
  properties: {
    displayName: 'Catalog'
    description: 'Read access to the product catalog.'
    subscriptionRequired: true
    approvalRequired: false
    state: 'published'
  }
}

resource productApi 'Microsoft.ApiManagement/service/products/apis@2024-05-01' = {
  parent: product
  name: api.name
}

resource subscription 'Microsoft.ApiManagement/service/subscriptions@2024-05-01' = {
  parent: apim
  name: 'catalog-default'
  properties: {
    displayName: 'Catalog default subscription'
    scope: '/products/${product.name}'
    state: 'active'
  }
}

output functionAppName string = functionApp.outputs.name
output apimName string = apim.name
output gatewayUrl string = '${apim.properties.gatewayUrl}/${api.properties.path}'
output subscriptionName string = subscription.name
