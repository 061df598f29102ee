# App Service Authentication (Easy Auth, authsettingsV2) with Microsoft Entra ID for an API:
# bearer tokens only, 401 without one, no login redirect, no token store.
# azapi writes the same Microsoft.Web/sites/config resource as the Bicep twin; the function-app
# module ignores auth_settings_v2 so the two never undo each other.
terraform {
  required_version = ">= 1.6"
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
    }
  }
}

data "azurerm_client_config" "current" {}

locals {
  tenant_id       = coalesce(var.tenant_id, data.azurerm_client_config.current.tenant_id)
  issuer          = coalesce(var.issuer, "https://login.microsoftonline.com/${local.tenant_id}/v2.0")
  function_app_id = "/subscriptions/${data.azurerm_client_config.current.subscription_id}/resourceGroups/${var.resource_group_name}/providers/Microsoft.Web/sites/${var.function_app_name}"
}

# A config singleton: update in place; removing this resource leaves the settings as they are.
resource "azapi_update_resource" "auth_settings_v2" {
  type        = "Microsoft.Web/sites/config@2024-04-01"
  resource_id = "${local.function_app_id}/config/authsettingsV2"

  body = {
    properties = {
      platform = {
        enabled = true
      }
      globalValidation = {
        requireAuthentication       = true
        unauthenticatedClientAction = "Return401"
        excludedPaths               = var.excluded_paths
      }
      httpSettings = {
        requireHttps = true
      }
      identityProviders = {
        azureActiveDirectory = {
          enabled = true
          registration = {
            clientId     = var.client_id
            openIdIssuer = local.issuer
          }
          validation = {
            allowedAudiences = distinct(concat([var.client_id], var.allowed_audiences))
          }
        }
      }
      login = {
        # An API validates each request's token; there is no browser session to store.
        tokenStore = {
          enabled = false
        }
      }
    }
  }
}
