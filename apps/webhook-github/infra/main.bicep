// Webhook Github: the Function App from the shared module, its webhook secret(s) in Key Vault as
// Key Vault reference app settings, and Table Storage access (delivery de-duplication) by identity.
// Deploy after `npx nx run webhook-github:build`, then publish dist/ (see the recipe README).
targetScope = 'resourceGroup'

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'webhookgithu'

@description('The secret set on the GitHub webhook (GITHUB_WEBHOOK_SECRET). Stored in Key Vault only.')
@secure()
@minLength(16)
param githubWebhookSecret string

@description('While rotating: the secret GitHub may still sign with (GITHUB_WEBHOOK_SECRET_PREVIOUS). Empty when not rotating.')
@secure()
param githubWebhookSecretPrevious string = ''

var token = toLower(uniqueString(subscription().id, resourceGroup().id, namePrefix))
var rotating = !empty(githubWebhookSecretPrevious)

module secrets '../../../infra/bicep/modules/key-vault-secret-setting.bicep' = {
  name: 'webhook-secret'
  params: {
    location: location
    name: '${namePrefix}-kv-${take(token, 8)}'
    secretSettingNames: rotating
      ? ['GITHUB_WEBHOOK_SECRET', 'GITHUB_WEBHOOK_SECRET_PREVIOUS']
      : ['GITHUB_WEBHOOK_SECRET']
    secretValues: rotating
      ? {
          GITHUB_WEBHOOK_SECRET: githubWebhookSecret
          GITHUB_WEBHOOK_SECRET_PREVIOUS: githubWebhookSecretPrevious
        }
      : { GITHUB_WEBHOOK_SECRET: githubWebhookSecret }
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
    appSettings: union({ LOG_FORMAT: 'json', LOG_LEVEL: 'info' }, secrets.outputs.appSettings)
    keyVaultIds: [secrets.outputs.id]
    // The WebhookDeliveries table lives in the app's own storage account (AzureWebJobsStorage).
    grantTableDataContributor: true
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostname string = functionApp.outputs.defaultHostname
output webhookUrl string = 'https://${functionApp.outputs.defaultHostname}/api/github/webhook'
output keyVaultName string = secrets.outputs.name
