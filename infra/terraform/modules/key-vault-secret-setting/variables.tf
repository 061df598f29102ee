variable "resource_group_name" {
  description = "Existing resource group to deploy into."
  type        = string
}

variable "location" {
  description = "Region for the vault; defaults to the resource group's."
  type        = string
  default     = null
}

variable "name" {
  description = "Globally unique vault name: 3-24 letters, digits and dashes, starting with a letter."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$", var.name))
    error_message = "name must be 3-24 letters, digits and dashes, start with a letter and not end with a dash."
  }
}

variable "secret_setting_names" {
  description = "App setting names whose values live in the vault, e.g. GITHUB_WEBHOOK_SECRET. Each is stored as a secret named in lower kebab case (github-webhook-secret)."
  type        = list(string)

  validation {
    condition     = length(var.secret_setting_names) > 0
    error_message = "secret_setting_names needs at least one name."
  }
}

variable "secret_values" {
  description = "Secret value per name in secret_setting_names."
  type        = map(string)
  sensitive   = true
}

variable "secret_values_version" {
  description = "Increase to send changed secret_values: write-only values are not in the state, so Terraform cannot see a change."
  type        = number
  default     = 1
}

variable "tenant_id" {
  description = "Entra tenant that authorizes access to the vault; defaults to the provider's."
  type        = string
  default     = null
}

variable "soft_delete_retention_in_days" {
  description = "Days a deleted vault or secret stays recoverable (7-90)."
  type        = number
  default     = 90

  validation {
    condition     = var.soft_delete_retention_in_days >= 7 && var.soft_delete_retention_in_days <= 90
    error_message = "soft_delete_retention_in_days must be between 7 and 90."
  }
}

variable "purge_protection" {
  description = "Purge protection: a deleted vault cannot be purged before the retention ends. Irreversible once on."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags for the vault."
  type        = map(string)
  default     = {}
}
