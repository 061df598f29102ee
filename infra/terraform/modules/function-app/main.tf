# Flex Consumption (FC1, Linux) Function App on Node.js 22 with its storage, logs and identity.
# Shared by every recipe; the Bicep twin is infra/bicep/modules/function-app.bicep.
# The calling root must configure `provider "azurerm" { storage_use_azuread = true }`: the storage
# account has no shared keys, so Terraform's own data-plane calls need Entra ID.
terraform {
  required_version = ">= 1.6"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
    }
  }
}

data "azurerm_resource_group" "target" {
  name = var.resource_group_name
}

locals {
  location = coalesce(var.location, data.azurerm_resource_group.target.location)
  name     = "${var.name_prefix}-func-${var.unique_suffix}"

  # Identity-based host storage; the Bicep twin sets the same names.
  # APPLICATIONINSIGHTS_CONNECTION_STRING goes through site_config, where the provider keeps it.
  module_app_settings = merge(
    {
      AzureWebJobsStorage__accountName = azurerm_storage_account.this.name
      AzureWebJobsStorage__credential  = "managedidentity"
    },
    # The provider writes a key-based AzureWebJobsStorage with an empty key even for identity
    # storage (hashicorp/terraform-provider-azurerm#29693, #29149); blank it so the host uses
    # the __accountName connection. Costs an in-place app update on every apply until fixed.
    { AzureWebJobsStorage = "" },
    var.node_arguments == "" ? {} : { languageWorkers__node__arguments = var.node_arguments },
  )
}

resource "azurerm_log_analytics_workspace" "this" {
  name                = "${var.name_prefix}-logs-${var.unique_suffix}"
  location            = local.location
  resource_group_name = var.resource_group_name
  sku                 = "PerGB2018"
  retention_in_days   = 30
  tags                = var.tags
}

resource "azurerm_application_insights" "this" {
  name                = "${var.name_prefix}-appi-${var.unique_suffix}"
  location            = local.location
  resource_group_name = var.resource_group_name
  workspace_id        = azurerm_log_analytics_workspace.this.id
  application_type    = "web"
  tags                = var.tags
}

resource "azurerm_storage_account" "this" {
  name                     = substr("${replace(var.name_prefix, "-", "")}st${var.unique_suffix}", 0, 24)
  location                 = local.location
  resource_group_name      = var.resource_group_name
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_2"
  # Identity-only access: no account keys for the host or the deployment package.
  shared_access_key_enabled       = false
  allow_nested_items_to_be_public = false
  https_traffic_only_enabled      = true
  tags                            = var.tags
}

resource "azurerm_storage_container" "app_package" {
  name                  = "app-package"
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

resource "azurerm_service_plan" "this" {
  name                = "${var.name_prefix}-plan-${var.unique_suffix}"
  location            = local.location
  resource_group_name = var.resource_group_name
  os_type             = "Linux"
  sku_name            = "FC1"
  tags                = var.tags
}

resource "azurerm_function_app_flex_consumption" "this" {
  name                = local.name
  location            = local.location
  resource_group_name = var.resource_group_name
  service_plan_id     = azurerm_service_plan.this.id
  https_only          = true
  tags                = var.tags

  storage_container_type      = "blobContainer"
  storage_container_endpoint  = "${azurerm_storage_account.this.primary_blob_endpoint}${azurerm_storage_container.app_package.name}"
  storage_authentication_type = "SystemAssignedIdentity"
  runtime_name                = "node"
  runtime_version             = "22"
  maximum_instance_count      = var.maximum_instance_count
  instance_memory_in_mb       = var.instance_memory_mb

  identity {
    type         = length(var.user_assigned_identity_ids) > 0 ? "SystemAssigned, UserAssigned" : "SystemAssigned"
    identity_ids = length(var.user_assigned_identity_ids) > 0 ? var.user_assigned_identity_ids : null
  }

  # Flex Consumption has no FTP endpoint and the provider no ftps_state for it (Bicep sets Disabled).
  site_config {
    minimum_tls_version                    = "1.2"
    application_insights_connection_string = azurerm_application_insights.this.connection_string
  }

  app_settings = merge(var.app_settings, local.module_app_settings)

  lifecycle {
    # Owned by the app-service-auth module when a recipe uses it; never reset from here.
    ignore_changes = [auth_settings, auth_settings_v2]
  }
}

resource "azurerm_role_assignment" "storage_blob_data_owner" {
  scope                = azurerm_storage_account.this.id
  role_definition_name = "Storage Blob Data Owner"
  principal_id         = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "storage_table_data_contributor" {
  count                = var.grant_table_data_contributor ? 1 : 0
  scope                = azurerm_storage_account.this.id
  role_definition_name = "Storage Table Data Contributor"
  principal_id         = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

# Follows the app (a system-assigned identity exists only then); see infra/README.md for the
# one-time refresh if the first start reports a Key Vault reference as unresolved.
resource "azurerm_role_assignment" "key_vault_secrets_user" {
  count                = length(var.key_vault_ids)
  scope                = var.key_vault_ids[count.index]
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}
