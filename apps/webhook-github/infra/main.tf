# Webhook Github: the Function App from the shared module, its webhook secret(s) in Key Vault as
# Key Vault reference app settings, and Table Storage access (delivery de-duplication) by identity.
# Apply after `npx nx run webhook-github:build`, then publish dist/ (see the recipe README).
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
  # The previous secret exists only while a rotation is under way. Names come from a plain
  # variable: Terraform refuses for_each keys derived from sensitive values.
  webhook_secret_names = var.rotating_webhook_secret ? ["GITHUB_WEBHOOK_SECRET", "GITHUB_WEBHOOK_SECRET_PREVIOUS"] : ["GITHUB_WEBHOOK_SECRET"]
  webhook_secrets = {
    GITHUB_WEBHOOK_SECRET          = var.github_webhook_secret
    GITHUB_WEBHOOK_SECRET_PREVIOUS = var.github_webhook_secret_previous
  }
}

module "secrets" {
  source = "../../../infra/terraform/modules/key-vault-secret-setting"

  resource_group_name   = data.azurerm_resource_group.target.name
  location              = coalesce(var.location, data.azurerm_resource_group.target.location)
  name                  = "${var.name_prefix}-kv-${random_string.token.result}"
  secret_setting_names  = local.webhook_secret_names
  secret_values         = local.webhook_secrets
  secret_values_version = var.github_webhook_secret_version
}

module "function_app" {
  source = "../../../infra/terraform/modules/function-app"

  resource_group_name = data.azurerm_resource_group.target.name
  location            = coalesce(var.location, data.azurerm_resource_group.target.location)
  name_prefix         = var.name_prefix
  unique_suffix       = random_string.token.result
  node_arguments      = "--experimental-async-context-frame"
  app_settings = merge({
    LOG_FORMAT = "json"
    LOG_LEVEL  = "info"
  }, module.secrets.app_settings)
  key_vault_ids = [module.secrets.id]
  # The WebhookDeliveries table lives in the app's own storage account (AzureWebJobsStorage).
  grant_table_data_contributor = true
}
