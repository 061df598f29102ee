variable "resource_group_name" {
  description = "Existing resource group to deploy into."
  type        = string
}

variable "location" {
  description = "Region for the server; defaults to the resource group's."
  type        = string
  default     = null
}

variable "name" {
  description = "Globally unique server name: 3-63 lowercase letters, digits and dashes."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be 3-63 lowercase letters, digits and dashes, not starting or ending with a dash."
  }
}

variable "database_name" {
  description = "Database the app uses."
  type        = string
}

variable "administrator_principal_id" {
  description = "Object (principal) id of the managed identity the app connects as; made an Entra administrator."
  type        = string
}

variable "administrator_name" {
  description = "Name of that identity: the PostgreSQL role the app logs in as."
  type        = string
}

variable "administrator_type" {
  description = "ServicePrincipal for a managed identity; Group or User for people."
  type        = string
  default     = "ServicePrincipal"

  validation {
    condition     = contains(["ServicePrincipal", "Group", "User"], var.administrator_type)
    error_message = "administrator_type must be ServicePrincipal, Group or User."
  }
}

variable "sku_name" {
  description = "Tier and size as <tier>_<size>: B_Standard_B1ms (Burstable), GP_Standard_D2ds_v5 (General Purpose)..."
  type        = string
  default     = "B_Standard_B1ms"
}

variable "postgres_version" {
  description = "PostgreSQL major version."
  type        = string
  default     = "16"

  validation {
    condition     = contains(["15", "16", "17"], var.postgres_version)
    error_message = "postgres_version must be 15, 16 or 17."
  }
}

variable "storage_size_gb" {
  description = "Storage size in GB."
  type        = number
  default     = 32

  validation {
    condition     = contains([32, 64, 128, 256, 512, 1024], var.storage_size_gb)
    error_message = "storage_size_gb must be 32, 64, 128, 256, 512 or 1024."
  }
}

variable "backup_retention_days" {
  description = "Days of point-in-time restore (7-35)."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 7 and 35."
  }
}

variable "allow_azure_services" {
  description = "Open the firewall to Azure services (0.0.0.0): how a Function App without a virtual network reaches the server."
  type        = bool
  default     = true
}

variable "tenant_id" {
  description = "Entra tenant of the administrator; defaults to the provider's."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags for the server."
  type        = map(string)
  default     = {}
}
