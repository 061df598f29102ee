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
  default     = "authmultiten"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{2,11}$", var.name_prefix))
    error_message = "name_prefix must be 3-12 lowercase letters or digits, starting with a letter."
  }
}

variable "audience" {
  description = "The API app registration (multi-tenant): App ID URI and/or client id the tokens must name in aud (comma-separated)."
  type        = string
}

variable "allowed_tenant_ids" {
  description = "Tenant GUIDs allowed to call the API; empty allows none."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for id in var.allowed_tenant_ids : can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", id))])
    error_message = "allowed_tenant_ids must be tenant GUIDs."
  }
}
