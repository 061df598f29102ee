// Flex Consumption (FC1, Linux) Function App on Node.js 22 with its storage, logs and identity.
// Shared by every recipe; the Terraform twin is infra/terraform/modules/function-app.
targetScope = 'resourceGroup'

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(12)
param namePrefix string

@description('Suffix that makes the global names unique, e.g. uniqueString(subscription().id, resourceGroup().id, namePrefix).')
@minLength(4)
@maxLength(13)
param uniqueSuffix string

@description('Recipe app settings (string values). The settings this module owns win on a name clash.')
param appSettings object = {}

@description('Arguments for the Node.js worker process (languageWorkers__node__arguments); empty sets nothing.')
param nodeArguments string = ''

@description('Flex Consumption scale-out limit.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance in MB.')
@allowed([2048, 4096])
param instanceMemoryMb int = 2048

@description('Key Vaults (resource ids, same resource group) the app reads through Key Vault references. The app identity gets Key Vault Secrets User on each before the app settings are applied.')
param keyVaultIds string[] = []

@description('User-assigned identities to attach next to the system-assigned one (e.g. the database identity from postgres-flexible).')
param userAssignedIdentityIds string[] = []

@description('Grant the app Storage Table Data Contributor on its storage account (Table Storage through AzureWebJobsStorage).')
param grantTableDataContributor bool = false

@description('Tags for every resource.')
param tags object = {}

var functionAppName = '${namePrefix}-func-${uniqueSuffix}'
var deploymentContainerName = 'app-package'
var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${uniqueSuffix}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-appi-${uniqueSuffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${replace(namePrefix, '-', '')}st${uniqueSuffix}', 24)
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // Identity-only access: no account keys for the host or the deployment package.
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan-${uniqueSuffix}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: empty(userAssignedIdentityIds)
    ? { type: 'SystemAssigned' }
    : {
        type: 'SystemAssigned, UserAssigned'
        userAssignedIdentities: toObject(userAssignedIdentityIds, id => id, id => {})
      }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMb
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
    // App settings are their own resource below, applied after the role assignments.
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

resource storageBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functionApp.id, roleIds.storageBlobDataOwner)
  scope: storage
  properties: {
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataOwner)
  }
}

resource storageTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantTableDataContributor) {
  name: guid(storage.id, functionApp.id, roleIds.storageTableDataContributor)
  scope: storage
  properties: {
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataContributor)
  }
}

resource keyVaults 'Microsoft.KeyVault/vaults@2023-07-01' existing = [
  for keyVaultId in keyVaultIds: {
    name: last(split(keyVaultId, '/'))
  }
]

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (keyVaultId, i) in keyVaultIds: {
    name: guid(keyVaultId, functionApp.id, roleIds.keyVaultSecretsUser)
    scope: keyVaults[i]
    properties: {
      principalId: functionApp.identity.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
    }
  }
]

// Identity-based host storage; the Terraform twin sets the same names.
var moduleAppSettings = union(
  {
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  },
  empty(nodeArguments) ? {} : { languageWorkers__node__arguments: nodeArguments }
)

// Microsoft's Key Vault reference guidance: settings after the identity can read the vault.
resource siteAppSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(appSettings, moduleAppSettings)
  dependsOn: [
    storageBlobDataOwner
    storageTableDataContributor
    keyVaultSecretsUser
  ]
}

output name string = functionApp.name
output id string = functionApp.id
output defaultHostname string = functionApp.properties.defaultHostName
output principalId string = functionApp.identity.principalId
output storageAccountName string = storage.name
