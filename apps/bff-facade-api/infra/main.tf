# BFF Facade API: the Function App from the shared module, with the three downstream URLs and
# their timeouts as app settings. Apply after `npx nx run bff-facade-api:build`, then publish dist/.
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
    LOG_FORMAT                  = "json"
    LOG_LEVEL                   = "info"
    PROFILE_SERVICE_URL         = var.profile_service_url
    ORDERS_SERVICE_URL          = var.orders_service_url
    RECOMMENDATIONS_SERVICE_URL = var.recommendations_service_url
    PROFILE_TIMEOUT_MS          = tostring(var.timeouts_ms.profile)
    ORDERS_TIMEOUT_MS           = tostring(var.timeouts_ms.orders)
    RECOMMENDATIONS_TIMEOUT_MS  = tostring(var.timeouts_ms.recommendations)
    DASHBOARD_DEADLINE_MS       = tostring(var.timeouts_ms.deadline)
  }
}
