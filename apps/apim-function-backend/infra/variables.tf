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
  default     = "catalog"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{2,11}$", var.name_prefix))
    error_message = "name_prefix must be 3-12 lowercase letters or digits, starting with a letter."
  }
}

variable "apim_sku" {
  description = "APIM tier. Consumption lacks the built-in cache and rate-limit-by-key, so it is not offered."
  type        = string
  default     = "BasicV2_1"

  validation {
    condition     = can(regex("^(BasicV2|StandardV2)_[1-9][0-9]?$", var.apim_sku))
    error_message = "apim_sku must be BasicV2_<units> or StandardV2_<units>."
  }
}

variable "publisher_email" {
  description = "Publisher e-mail shown by APIM (required by the service)."
  type        = string
}

variable "publisher_name" {
  description = "Publisher name shown by APIM."
  type        = string
  default     = "Catalog API"
}

variable "tenant_id" {
  description = "Entra ID tenant that issues the access tokens; defaults to the provider's tenant."
  type        = string
  default     = null
}

variable "jwt_audience" {
  description = "Expected \"aud\" of access tokens: the API app registration client id (v2 tokens)."
  type        = string
}

variable "rate_limit_calls" {
  description = "Calls allowed per subscription per window."
  type        = number
  default     = 60
}

variable "rate_limit_period" {
  description = "Rate-limit window in seconds (APIM maximum 300)."
  type        = number
  default     = 60

  validation {
    condition     = var.rate_limit_period >= 1 && var.rate_limit_period <= 300
    error_message = "rate_limit_period must be between 1 and 300 seconds."
  }
}

variable "cache_duration" {
  description = "Seconds a catalog item stays in the APIM cache; keep it at or below the function max-age."
  type        = number
  default     = 60
}

variable "maximum_instance_count" {
  description = "Flex Consumption scale-out limit."
  type        = number
  default     = 100
}
