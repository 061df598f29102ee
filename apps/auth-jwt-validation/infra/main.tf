# Auth JWT Validation: the Function App from the shared module, told which authority and audience to trust.
# Apply after `npx nx run auth-jwt-validation:build`, then publish dist/ (see the recipe README).
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

data "azurerm_client_config" "current" {}

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
    # v2 endpoint: discovery names the v2 issuer; set accessTokenAcceptedVersion to 2 in the app manifest.
    OIDC_AUTHORITY = "https://login.microsoftonline.com/${coalesce(var.tenant_id, data.azurerm_client_config.current.tenant_id)}/v2.0"
    OIDC_AUDIENCE  = var.audience
  }
}
