// Key Vault (RBAC mode) holding app secrets, and the Key Vault reference app settings that read them.
// Pass `id` to function-app's keyVaultIds: that module grants the app identity Key Vault Secrets User
// before it applies its settings (this module cannot: it would need the app, and the app its output).
targetScope = 'resourceGroup'

@description('Region for the vault.')
param location string = resourceGroup().location

@description('Globally unique vault name: 3-24 letters, digits and dashes, starting with a letter.')
@minLength(3)
@maxLength(24)
param name string

@description('App setting names whose values live in the vault, e.g. GITHUB_WEBHOOK_SECRET. Each is stored as a secret named in lower kebab case (github-webhook-secret).')
@minLength(1)
param secretSettingNames string[]

@description('Secret value per name in secretSettingNames.')
@secure()
param secretValues object

@description('Entra tenant that authorizes access to the vault.')
param tenantId string = tenant().tenantId

@description('Days a deleted vault or secret stays recoverable (7-90).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Purge protection: a deleted vault cannot be purged before the retention ends. Irreversible once on.')
param purgeProtection bool = true

@description('Tags for the vault.')
param tags object = {}

// The same URI the vault reports as vaultUri, known before the vault exists.
var vaultUri = 'https://${name}${environment().suffixes.keyvaultDns}/'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The service rejects an explicit false; leaving it out means off.
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for settingName in secretSettingNames: {
    parent: vault
    name: toLower(replace(settingName, '_', '-'))
    properties: {
      value: secretValues[settingName]
      contentType: 'text/plain'
    }
  }
]

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
// Versionless references: App Service picks up a rotated secret within 24 hours (at once on restart).
output appSettings object = toObject(
  secretSettingNames,
  settingName => settingName,
  settingName => '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${toLower(replace(settingName, '_', '-'))}/)'
)
