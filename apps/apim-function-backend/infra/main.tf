# Azure Functions (Flex Consumption) behind Azure API Management (Basic v2 / Standard v2).
# Apply after `npx nx run apim-function-backend:build` (the API definition is dist/openapi.apim.json,
# the OpenAPI 3.0.3 twin of dist/openapi.json: APIM imports 3.0.x fully, 3.1 only partly).
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

locals {
  location  = coalesce(var.location, data.azurerm_resource_group.target.location)
  token     = random_string.token.result
  tenant_id = coalesce(var.tenant_id, data.azurerm_client_config.current.tenant_id)

  # Every {{named value}} used by apim/*.xml; the IaC consistency test keeps this list complete.
  plain_named_values = {
    "tenant-id"         = local.tenant_id
    "openid-config-url" = "https://login.microsoftonline.com/${local.tenant_id}/v2.0/.well-known/openid-configuration"
    "jwt-audience"      = var.jwt_audience
    "rate-limit-calls"  = tostring(var.rate_limit_calls)
    "rate-limit-period" = tostring(var.rate_limit_period)
    "cache-duration"    = tostring(var.cache_duration)
  }
}

# The Function App, its storage, logs and identity: the module every recipe shares.
module "function_app" {
  source = "../../../infra/terraform/modules/function-app"

  resource_group_name    = data.azurerm_resource_group.target.name
  location               = local.location
  name_prefix            = var.name_prefix
  unique_suffix          = local.token
  node_arguments         = "--experimental-async-context-frame"
  maximum_instance_count = var.maximum_instance_count
  app_settings = {
    LOG_FORMAT = "json"
    LOG_LEVEL  = "info"
  }
}

data "azurerm_function_app_host_keys" "catalog" {
  name                = module.function_app.name
  resource_group_name = data.azurerm_resource_group.target.name
}

resource "azurerm_api_management" "catalog" {
  name                = "${var.name_prefix}-apim-${local.token}"
  location            = local.location
  resource_group_name = data.azurerm_resource_group.target.name
  publisher_name      = var.publisher_name
  publisher_email     = var.publisher_email
  sku_name            = var.apim_sku

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_api_management_named_value" "plain" {
  for_each            = local.plain_named_values
  name                = each.key
  display_name        = each.key
  value               = each.value
  api_management_name = azurerm_api_management.catalog.name
  resource_group_name = data.azurerm_resource_group.target.name
  secret              = false
}

resource "azurerm_api_management_named_value" "function_host_key" {
  name                = "function-host-key"
  display_name        = "function-host-key"
  api_management_name = azurerm_api_management.catalog.name
  resource_group_name = data.azurerm_resource_group.target.name
  # Read from the Function App at apply time, stored as an APIM secret.
  value  = data.azurerm_function_app_host_keys.catalog.default_function_key
  secret = true
}

resource "azurerm_api_management_backend" "catalog_function" {
  name                = "catalog-function-backend"
  api_management_name = azurerm_api_management.catalog.name
  resource_group_name = data.azurerm_resource_group.target.name
  protocol            = "http"
  url                 = "https://${module.function_app.default_hostname}/api"
  resource_id         = "https://management.azure.com${module.function_app.id}"

  credentials {
    header = {
      "x-functions-key" = "{{function-host-key}}"
    }
  }

  depends_on = [azurerm_api_management_named_value.function_host_key]
}

resource "azurerm_api_management_api" "catalog" {
  name                  = "catalog"
  display_name          = "Catalog"
  revision              = "1"
  path                  = "api"
  protocols             = ["https"]
  api_management_name   = azurerm_api_management.catalog.name
  resource_group_name   = data.azurerm_resource_group.target.name
  subscription_required = true
  service_url           = "https://${module.function_app.default_hostname}/api"

  subscription_key_parameter_names {
    header = "Ocp-Apim-Subscription-Key"
    query  = "subscription-key"
  }

  import {
    content_format = "openapi+json"
    content_value  = file("${path.module}/../dist/openapi.apim.json")
  }
}

resource "azurerm_api_management_api_policy" "catalog" {
  api_name            = azurerm_api_management_api.catalog.name
  api_management_name = azurerm_api_management.catalog.name
  resource_group_name = data.azurerm_resource_group.target.name
  xml_content         = file("${path.module}/../apim/api-policy.xml")

  depends_on = [
    azurerm_api_management_named_value.plain,
    azurerm_api_management_named_value.function_host_key,
    azurerm_api_management_backend.catalog_function,
  ]
}

resource "azurerm_api_management_api_operation_policy" "get_catalog_item" {
  api_name            = azurerm_api_management_api.catalog.name
  operation_id        = "getCatalogItem"
  api_management_name = azurerm_api_management.catalog.name
  resource_group_name = data.azurerm_resource_group.target.name
  xml_content         = file("${path.module}/../apim/operations/getCatalogItem.xml")

  depends_on = [
    azurerm_api_management_named_value.plain,
    azurerm_api_management_api_policy.catalog,
  ]
}

resource "azurerm_api_management_product" "catalog" {
  product_id            = "catalog"
  display_name          = "Catalog"
  description           = "Read access to the product catalog."
  api_management_name   = azurerm_api_management.catalog.name
  resource_group_name   = data.azurerm_resource_group.target.name
  subscription_required = true
  approval_required     = false
  published             = true
}

resource "azurerm_api_management_product_api" "catalog" {
  api_name            = azurerm_api_management_api.catalog.name
  product_id          = azurerm_api_management_product.catalog.product_id
  api_management_name = azurerm_api_management.catalog.name
  resource_group_name = data.azurerm_resource_group.target.name
}

resource "azurerm_api_management_subscription" "catalog_default" {
  subscription_id     = "catalog-default"
  display_name        = "Catalog default subscription"
  product_id          = azurerm_api_management_product.catalog.id
  api_management_name = azurerm_api_management.catalog.name
  resource_group_name = data.azurerm_resource_group.target.name
  state               = "active"
}
