# Auth Multi-Tenant: the Function App from the shared module, told the multi-tenant authority, the
# audience and the tenant allow-list (validated by the app at start-up).
# Apply after `npx nx run auth-multitenant:build`, then publish dist/ (see the recipe README).
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

resource "random_string" "token" {
  length  = 8
  lower   = true
  upper   = false
  numeric = true
  special = false
}

module "function_app" {
  source = "../../../infra/terraform/modules/function-app"

  resource_group_name = data.azurerm_resource_group.target.name
  location            = coalesce(var.location, data.azurerm_resource_group.target.location)
  name_prefix         = var.name_prefix
  unique_suffix       = random_string.token.result
  node_arguments      = "--experimental-async-context-frame"
  app_settings = {
    LOG_FORMAT = "json"
    LOG_LEVEL  = "info"
    # organizations metadata: its issuer names {tenantid}; the app checks iss against each token's tid.
    OIDC_AUTHORITY     = "https://login.microsoftonline.com/organizations/v2.0"
    OIDC_AUDIENCE      = var.audience
    ALLOWED_TENANT_IDS = join(",", var.allowed_tenant_ids)
  }
}
