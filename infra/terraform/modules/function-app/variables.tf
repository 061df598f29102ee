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

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,11}$", var.name_prefix))
    error_message = "name_prefix must be 3-12 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "unique_suffix" {
  description = "Suffix that makes the global names unique, e.g. a random_string the root keeps in state."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]{4,13}$", var.unique_suffix))
    error_message = "unique_suffix must be 4-13 lowercase letters or digits."
  }
}

variable "app_settings" {
  description = "Recipe app settings. The settings this module owns win on a name clash."
  type        = map(string)
  default     = {}
}

variable "node_arguments" {
  description = "Arguments for the Node.js worker process (languageWorkers__node__arguments); empty sets nothing."
  type        = string
  default     = ""
}

variable "maximum_instance_count" {
  description = "Flex Consumption scale-out limit."
  type        = number
  default     = 100

  validation {
    condition     = var.maximum_instance_count >= 40 && var.maximum_instance_count <= 1000
    error_message = "maximum_instance_count must be between 40 and 1000."
  }
}

variable "instance_memory_mb" {
  description = "Memory per instance in MB."
  type        = number
  default     = 2048

  validation {
    condition     = contains([2048, 4096], var.instance_memory_mb)
    error_message = "instance_memory_mb must be 2048 or 4096."
  }
}

variable "key_vault_ids" {
  description = "Key Vaults the app reads through Key Vault references; the app identity gets Key Vault Secrets User on each."
  type        = list(string)
  default     = []
}

variable "user_assigned_identity_ids" {
  description = "User-assigned identities to attach next to the system-assigned one (e.g. the database identity from postgres-flexible)."
  type        = list(string)
  default     = []
}

variable "grant_table_data_contributor" {
  description = "Grant the app Storage Table Data Contributor on its storage account (Table Storage through AzureWebJobsStorage)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
