# Azure Functions (Flex Consumption) in HTTP stream mode behind Azure API Management (Basic v2 /
# Standard v2), which streams the event operation through (buffer-response="false").
# Apply after `npx nx run http-streaming-sse:build` (the API definition is dist/openapi.apim.json).
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

locals {
  location = coalesce(var.location, data.azurerm_resource_group.target.location)
  token    = random_string.token.result
}

# The Function App, its storage, logs and identity: the module every recipe shares.
module "function_app" {
  source = "../../../infra/terraform/modules/function-app"

  resource_group_name = data.azurerm_resource_group.target.name
  location            = local.location
  name_prefix         = var.name_prefix
  unique_suffix       = local.token
  node_arguments      = "--experimental-async-context-frame"
  app_settings = {
    LOG_FORMAT                        = "json"
    LOG_LEVEL                         = "info"
    SSE_HEARTBEAT_MS                  = tostring(var.sse_heartbeat_ms)
    SSE_RETRY_MS                      = "3000"
    UPLOAD_LIMIT_BYTES                = tostring(var.upload_limit_bytes)
    FUNCTIONS_REQUEST_BODY_SIZE_LIMIT = tostring(var.upload_limit_bytes)
  }
}

data "azurerm_function_app_host_keys" "streaming" {
  name                = module.function_app.name
  resource_group_name = data.azurerm_resource_group.target.name
}

resource "azurerm_api_management" "streaming" {
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

# The only {{named value}} apim/*.xml and the backend use.
resource "azurerm_api_management_named_value" "function_host_key" {
  name                = "function-host-key"
  display_name        = "function-host-key"
  api_management_name = azurerm_api_management.streaming.name
  resource_group_name = data.azurerm_resource_group.target.name
  # Read from the Function App at apply time, stored as an APIM secret.
  value  = data.azurerm_function_app_host_keys.streaming.default_function_key
  secret = true
}

resource "azurerm_api_management_backend" "streaming_function" {
  name                = "streaming-function-backend"
  api_management_name = azurerm_api_management.streaming.name
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

resource "azurerm_api_management_api" "streaming" {
  name                  = "streaming"
  display_name          = "Streaming"
  revision              = "1"
  path                  = "api"
  protocols             = ["https"]
  api_management_name   = azurerm_api_management.streaming.name
  resource_group_name   = data.azurerm_resource_group.target.name
  subscription_required = true
  service_url           = "https://${module.function_app.default_hostname}/api"

  # EventSource cannot send headers: a browser passes the key in the query string.
  subscription_key_parameter_names {
    header = "Ocp-Apim-Subscription-Key"
    query  = "subscription-key"
  }

  import {
    content_format = "openapi+json"
    content_value  = file("${path.module}/../dist/openapi.apim.json")
  }
}

resource "azurerm_api_management_api_policy" "streaming" {
  api_name            = azurerm_api_management_api.streaming.name
  api_management_name = azurerm_api_management.streaming.name
  resource_group_name = data.azurerm_resource_group.target.name
  xml_content         = file("${path.module}/../apim/api-policy.xml")

  depends_on = [
    azurerm_api_management_named_value.function_host_key,
    azurerm_api_management_backend.streaming_function,
  ]
}

resource "azurerm_api_management_api_operation_policy" "stream_job_events" {
  api_name            = azurerm_api_management_api.streaming.name
  operation_id        = "streamJobEvents"
  api_management_name = azurerm_api_management.streaming.name
  resource_group_name = data.azurerm_resource_group.target.name
  xml_content         = file("${path.module}/../apim/operations/streamJobEvents.xml")

  depends_on = [azurerm_api_management_api_policy.streaming]
}

resource "azurerm_api_management_product" "streaming" {
  product_id            = "streaming"
  display_name          = "Streaming"
  description           = "Job progress as server-sent events, and uploads."
  api_management_name   = azurerm_api_management.streaming.name
  resource_group_name   = data.azurerm_resource_group.target.name
  subscription_required = true
  approval_required     = false
  published             = true
}

resource "azurerm_api_management_product_api" "streaming" {
  api_name            = azurerm_api_management_api.streaming.name
  product_id          = azurerm_api_management_product.streaming.product_id
  api_management_name = azurerm_api_management.streaming.name
  resource_group_name = data.azurerm_resource_group.target.name
}

resource "azurerm_api_management_subscription" "streaming_default" {
  subscription_id     = "streaming-default"
  display_name        = "Streaming default subscription"
  product_id          = azurerm_api_management_product.streaming.id
  api_management_name = azurerm_api_management.streaming.name
  resource_group_name = data.azurerm_resource_group.target.name
  state               = "active"
}
