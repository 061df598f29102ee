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
  default     = "bfffacadeapi"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{2,11}$", var.name_prefix))
    error_message = "name_prefix must be 3-12 lowercase letters or digits, starting with a letter."
  }
}

variable "profile_service_url" {
  description = "Base URL of the profile service (required part): GET {url}/{customer_id}."
  type        = string

  validation {
    condition     = can(regex("^https?://", var.profile_service_url))
    error_message = "profile_service_url must be an http(s) URL."
  }
}

variable "orders_service_url" {
  description = "Base URL of the orders service (optional part): GET {url}?customer_id=..."
  type        = string

  validation {
    condition     = can(regex("^https?://", var.orders_service_url))
    error_message = "orders_service_url must be an http(s) URL."
  }
}

variable "recommendations_service_url" {
  description = "Base URL of the recommendations service (optional part): GET {url}?customer_id=..."
  type        = string

  validation {
    condition     = can(regex("^https?://", var.recommendations_service_url))
    error_message = "recommendations_service_url must be an http(s) URL."
  }
}

variable "timeouts_ms" {
  description = "Per-attempt timeouts and the overall deadline, in milliseconds (50-60000)."
  type = object({
    profile         = number
    orders          = number
    recommendations = number
    deadline        = number
  })
  default = {
    profile         = 1000
    orders          = 800
    recommendations = 500
    deadline        = 1500
  }

  validation {
    condition     = alltrue([for value in values(var.timeouts_ms) : value >= 50 && value <= 60000])
    error_message = "Every timeout must be 50-60000 ms."
  }
}
