# Azure Database for PostgreSQL Flexible Server with Microsoft Entra authentication only (no passwords),
# one database, and one managed identity as its Entra administrator.
# The app connects as that identity, with an access token as the password (see infra/README.md).
terraform {
  required_version = ">= 1.6"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
    }
  }
}

data "azurerm_client_config" "current" {}

data "azurerm_resource_group" "target" {
  name = var.resource_group_name
}

locals {
  location  = coalesce(var.location, data.azurerm_resource_group.target.location)
  tenant_id = coalesce(var.tenant_id, data.azurerm_client_config.current.tenant_id)
}

resource "azurerm_postgresql_flexible_server" "this" {
  name                          = var.name
  location                      = local.location
  resource_group_name           = var.resource_group_name
  sku_name                      = var.sku_name
  version                       = var.postgres_version
  storage_mb                    = var.storage_size_gb * 1024
  backup_retention_days         = var.backup_retention_days
  geo_redundant_backup_enabled  = false
  public_network_access_enabled = true
  tags                          = var.tags

  # Entra only: no administrator login or password exists to leak.
  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
    tenant_id                     = local.tenant_id
  }

  lifecycle {
    # Azure picks a zone when none is given; keep it rather than move the server back.
    ignore_changes = [zone, high_availability[0].standby_availability_zone]
  }
}

# The server runs one management operation at a time, so the children go in sequence.
resource "azurerm_postgresql_flexible_server_firewall_rule" "allow_azure" {
  count            = var.allow_azure_services ? 1 : 0
  name             = "AllowAllAzureServicesAndResourcesWithinAzureIps"
  server_id        = azurerm_postgresql_flexible_server.this.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}

resource "azurerm_postgresql_flexible_server_database" "this" {
  name      = var.database_name
  server_id = azurerm_postgresql_flexible_server.this.id
  charset   = "UTF8"
  collation = "en_US.utf8"

  depends_on = [azurerm_postgresql_flexible_server_firewall_rule.allow_azure]
}

resource "azurerm_postgresql_flexible_server_active_directory_administrator" "this" {
  server_name         = azurerm_postgresql_flexible_server.this.name
  resource_group_name = var.resource_group_name
  tenant_id           = local.tenant_id
  object_id           = var.administrator_principal_id
  principal_name      = var.administrator_name
  principal_type      = var.administrator_type

  depends_on = [azurerm_postgresql_flexible_server_database.this]
}
