// Azure Database for PostgreSQL Flexible Server with Microsoft Entra authentication only (no passwords),
// one database, and one managed identity as its Entra administrator.
// The app connects as that identity, with an access token as the password (see infra/README.md).
targetScope = 'resourceGroup'

@description('Region for the server.')
param location string = resourceGroup().location

@description('Globally unique server name: 3-63 lowercase letters, digits and dashes.')
@minLength(3)
@maxLength(63)
param name string

@description('Database the app uses.')
param databaseName string

@description('Object (principal) id of the managed identity the app connects as; made an Entra administrator.')
param administratorPrincipalId string

@description('Name of that identity: the PostgreSQL role the app logs in as.')
param administratorName string

@description('ServicePrincipal for a managed identity; Group or User for people.')
@allowed(['ServicePrincipal', 'Group', 'User'])
param administratorType string = 'ServicePrincipal'

@description('Tier and size as <tier>_<size>: B_Standard_B1ms (Burstable), GP_Standard_D2ds_v5 (General Purpose)...')
param skuName string = 'B_Standard_B1ms'

@description('PostgreSQL major version.')
@allowed(['15', '16', '17'])
param postgresVersion string = '16'

@description('Storage size in GB.')
@allowed([32, 64, 128, 256, 512, 1024])
param storageSizeGb int = 32

@description('Days of point-in-time restore (7-35).')
@minValue(7)
@maxValue(35)
param backupRetentionDays int = 7

@description('Open the firewall to Azure services (0.0.0.0): how a Function App without a virtual network reaches the server.')
param allowAzureServices bool = true

@description('Entra tenant of the administrator.')
param tenantId string = tenant().tenantId

@description('Tags for the server.')
param tags object = {}

var skuTiers = {
  B: 'Burstable'
  GP: 'GeneralPurpose'
  MO: 'MemoryOptimized'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: substring(skuName, indexOf(skuName, '_') + 1)
    tier: skuTiers[split(skuName, '_')[0]]
  }
  properties: {
    createMode: 'Default'
    version: postgresVersion
    storage: {
      storageSizeGB: storageSizeGb
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
    // Entra only: no administrator login or password exists to leak.
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenantId
    }
  }
}

// The server runs one management operation at a time, so the children go in sequence.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = if (allowAzureServices) {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [allowAzure]
}

resource administrator 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: server
  // The resource name is the principal's object id.
  name: administratorPrincipalId
  properties: {
    principalName: administratorName
    principalType: administratorType
    tenantId: tenantId
  }
  dependsOn: [database]
}

output id string = server.id
output serverName string = server.name
output host string = server.properties.fullyQualifiedDomainName
output database string = database.name
output user string = administratorName
// No password: the app supplies an Entra access token (scope https://ossrdbms-aad.database.windows.net/.default).
output databaseUrl string = 'postgresql://${uriComponent(administratorName)}@${server.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require'
