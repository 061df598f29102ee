// App Service Authentication (Easy Auth, authsettingsV2) with Microsoft Entra ID for an API:
// bearer tokens only, 401 without one, no login redirect, no token store.
targetScope = 'resourceGroup'

@description('Function App to protect (in this resource group).')
param functionAppName string

@description('Client (application) id of the Entra app registration that represents the API.')
param clientId string

@description('Entra tenant that issues the tokens.')
param tenantId string = tenant().tenantId

@description('OpenID issuer the platform discovers signing keys from; the tenant v2.0 endpoint by default.')
param issuer string = '${environment().authentication.loginEndpoint}${tenantId}/v2.0'

@description('Accepted "aud" values besides the client id, e.g. api://<client-id> for v1 tokens.')
param allowedAudiences string[] = []

@description('Paths served without a token, e.g. /api/openapi.json. Every other path needs one.')
param excludedPaths string[] = []

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: excludedPaths
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: issuer
        }
        validation: {
          allowedAudiences: union([clientId], allowedAudiences)
        }
      }
    }
    login: {
      // An API validates each request's token; there is no browser session to store.
      tokenStore: {
        enabled: false
      }
    }
  }
}

output issuer string = issuer
