# Full Stack Crud Api: a PostgreSQL Flexible Server (Entra authentication only) and the Function App
# that reaches it as a user-assigned managed identity, with an access token as the password.
# Apply after `npx nx run full-stack-crud-api:build`; run `nx run full-stack-crud-api:migrate` against
# the server (outputs) before publishing dist/ (see the recipe README).
terraform {
  required_version = ">= 1.6"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "azurerm" {
  features {}
  # The storage account disables shared keys, so data-plane calls must use Entra ID.
  storage_use_azuread = true
}

data "azurerm_resource_group" "target" {
  name = var.resource_group_name
}

locals {
  location = coalesce(var.location, data.azurerm_resource_group.target.location)
}

resource "random_string" "token" {
  length  = 8
  lower   = true
  upper   = false
  numeric = true
  special = false
}

# The identity exists before the app, so the server can make it an administrator first.
resource "azurerm_user_assigned_identity" "db" {
  name                = "${var.name_prefix}-db-id-${random_string.token.result}"
  resource_group_name = data.azurerm_resource_group.target.name
  location            = local.location
}

module "db" {
  source = "../../../infra/terraform/modules/postgres-flexible"

  resource_group_name        = data.azurerm_resource_group.target.name
  location                   = local.location
  name                       = "${var.name_prefix}-pg-${random_string.token.result}"
  database_name              = "items"
  administrator_principal_id = azurerm_user_assigned_identity.db.principal_id
  administrator_name         = azurerm_user_assigned_identity.db.name
}

module "function_app" {
  source = "../../../infra/terraform/modules/function-app"

  resource_group_name        = data.azurerm_resource_group.target.name
  location                   = local.location
  name_prefix                = var.name_prefix
  unique_suffix              = random_string.token.result
  node_arguments             = "--experimental-async-context-frame"
  user_assigned_identity_ids = [azurerm_user_assigned_identity.db.id]
  app_settings = {
    LOG_FORMAT = "json"
    LOG_LEVEL  = "info"
    # No password anywhere: the app asks Entra ID for a token as this identity.
    DATABASE_URL       = module.db.database_url
    DATABASE_CLIENT_ID = azurerm_user_assigned_identity.db.client_id
    DATABASE_POOL_MAX  = tostring(var.database_pool_max)
    # Migrations are a deploy step, not something each instance does at start.
    MIGRATE_ON_START = "false"
  }
}
