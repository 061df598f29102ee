# Key Vault (RBAC mode) holding app secrets, and the Key Vault reference app settings that read them.
# Pass `id` to function-app's key_vault_ids: that module grants the app identity Key Vault Secrets
# User (this module would need the app's identity, and the app this module's output).
terraform {
  # value_wo: the secret values are sent to Azure but never written to the Terraform state.
  required_version = ">= 1.11"
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
  # App setting name => secret name: Key Vault allows letters, digits and dashes only.
  secret_names = { for setting in var.secret_setting_names : setting => lower(replace(setting, "_", "-")) }
}

resource "azurerm_key_vault" "this" {
  name                          = var.name
  location                      = local.location
  resource_group_name           = var.resource_group_name
  tenant_id                     = local.tenant_id
  sku_name                      = "standard"
  rbac_authorization_enabled    = true
  soft_delete_retention_days    = var.soft_delete_retention_in_days
  purge_protection_enabled      = var.purge_protection
  public_network_access_enabled = true
  tags                          = var.tags
}

# Terraform writes secrets through the Key Vault data plane (Bicep goes through ARM), so the
# identity running Terraform needs this role; a new assignment can take a minute to apply.
resource "azurerm_role_assignment" "deployer_secrets_officer" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = data.azurerm_client_config.current.object_id
}

resource "azurerm_key_vault_secret" "this" {
  for_each         = local.secret_names
  name             = each.value
  key_vault_id     = azurerm_key_vault.this.id
  value_wo         = var.secret_values[each.key]
  value_wo_version = var.secret_values_version
  content_type     = "text/plain"

  depends_on = [azurerm_role_assignment.deployer_secrets_officer]
}
