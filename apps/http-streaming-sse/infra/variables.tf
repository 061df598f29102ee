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

variable "apim_sku" {
  description = "APIM tier: classic or v2 tiers hold long-running connections; Consumption is not offered."
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
  default     = "Streaming API"
}

variable "sse_heartbeat_ms" {
  description = "Quiet milliseconds before an SSE heartbeat comment; well below the 230 s front-end and 4 min load-balancer idle limits."
  type        = number
  default     = 15000

  validation {
    condition     = var.sse_heartbeat_ms >= 1000 && var.sse_heartbeat_ms <= 120000
    error_message = "sse_heartbeat_ms must be between 1000 and 120000."
  }
}

variable "upload_limit_bytes" {
  description = "Largest upload hashed, in bytes; the host limit FUNCTIONS_REQUEST_BODY_SIZE_LIMIT is set to the same value."
  type        = number
  default     = 104857600
}
