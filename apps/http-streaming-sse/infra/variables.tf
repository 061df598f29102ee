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
  default     = "httpstreamin"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{2,11}$", var.name_prefix))
    error_message = "name_prefix must be 3-12 lowercase letters or digits, starting with a letter."
  }
}
