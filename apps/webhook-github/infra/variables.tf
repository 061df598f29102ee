variable "resource_group_name" {
  description = "Existing resource group to deploy into."
  type        = string
}

variable "location" {
  description = "Region for every resource; defaults to the resource group's."
  type        = string
  default     = null
}

variable "name_prefix" {
  description = "Short lowercase prefix for resource names."
  type        = string
  default     = "webhookgithu"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{2,11}$", var.name_prefix))
    error_message = "name_prefix must be 3-12 lowercase letters or digits, starting with a letter."
  }
}

variable "github_webhook_secret" {
  description = "The secret set on the GitHub webhook (GITHUB_WEBHOOK_SECRET). Written to Key Vault only, never to the state."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.github_webhook_secret) >= 16
    error_message = "github_webhook_secret must be at least 16 characters."
  }
}

variable "rotating_webhook_secret" {
  description = "True while GitHub may still sign with the previous secret: GITHUB_WEBHOOK_SECRET_PREVIOUS is then set too."
  type        = bool
  default     = false
}

variable "github_webhook_secret_previous" {
  description = "While rotating (rotating_webhook_secret = true): the secret GitHub may still sign with (GITHUB_WEBHOOK_SECRET_PREVIOUS)."
  type        = string
  sensitive   = true
  default     = ""
}

variable "github_webhook_secret_version" {
  description = "Increase after changing a secret value: write-only values are not in the state, so Terraform cannot see a change."
  type        = number
  default     = 1
}
