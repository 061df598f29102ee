// Azure Functions (Flex Consumption) in HTTP stream mode behind Azure API Management (Basic v2 /
// Standard v2), which streams the event operation through (buffer-response="false").
// Deploy after `npx nx run http-streaming-sse:build` (the API definition is dist/openapi.apim.json).
targetScope = 'resourceGroup'

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'httpstreamin'

@description('APIM tier: classic or v2 tiers hold long-running connections; Consumption is not offered.')
@allowed(['BasicV2', 'StandardV2'])
param apimSku string = 'BasicV2'

@description('Publisher e-mail shown by APIM (required by the service).')
param publisherEmail string

@description('Publisher name shown by APIM.')
param publisherName string = 'Streaming API'

@description('Quiet milliseconds before an SSE heartbeat comment; well below the 230 s front-end and 4 min load-balancer idle limits.')
@minValue(1000)
@maxValue(120000)
param sseHeartbeatMs int = 15000

@description('Largest upload hashed, in bytes; the host limit FUNCTIONS_REQUEST_BODY_SIZE_LIMIT is set to the same value.')
@minValue(1)
param uploadLimitBytes int = 104857600

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
    appSettings: {
      LOG_FORMAT: 'json'
      LOG_LEVEL: 'info'
      SSE_HEARTBEAT_MS: string(sseHeartbeatMs)
      SSE_RETRY_MS: '3000'
      UPLOAD_LIMIT_BYTES: string(uploadLimitBytes)
      FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: string(uploadLimitBytes)
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

// The only {{named value}} apim/*.xml and the backend use.
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
  name: 'streaming-function-backend'
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
  name: 'streaming'
  properties: {
    displayName: 'Streaming'
    path: 'api'
    protocols: ['https']
    subscriptionRequired: true
    // EventSource cannot send headers: a browser passes the key in the query string.
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
  dependsOn: [functionHostKey, backend]
}

resource streamJobEvents 'Microsoft.ApiManagement/service/apis/operations@2024-05-01' existing = {
  parent: api
  name: 'streamJobEvents'
}

resource streamJobEventsPolicy 'Microsoft.ApiManagement/service/apis/operations/policies@2024-05-01' = {
  parent: streamJobEvents
  name: 'policy'
  properties: {
    format: 'xml'
    value: loadTextContent('../apim/operations/streamJobEvents.xml')
  }
  // The operation exists only once the OpenAPI import above has run.
  dependsOn: [api, apiPolicy]
}

resource product 'Microsoft.ApiManagement/service/products@2024-05-01' = {
  parent: apim
  name: 'streaming'
  properties: {
    displayName: 'Streaming'
    description: 'Job progress as server-sent events, and uploads.'
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
  name: 'streaming-default'
  properties: {
    displayName: 'Streaming default subscription'
    scope: '/products/${product.name}'
    state: 'active'
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostname string = functionApp.outputs.defaultHostname
output apimName string = apim.name
output gatewayUrl string = '${apim.properties.gatewayUrl}/${api.properties.path}'
output subscriptionName string = subscription.name
