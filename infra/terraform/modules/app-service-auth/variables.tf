variable "resource_group_name" {
  description = "Resource group of the Function App."
  type        = string
}

variable "function_app_name" {
  description = "Function App to protect; pass module.<function-app>.name so this runs after the app exists."
  type        = string
}

variable "client_id" {
  description = "Client (application) id of the Entra app registration that represents the API."
  type        = string
}

variable "tenant_id" {
  description = "Entra tenant that issues the tokens; defaults to the provider's."
  type        = string
  default     = null
}

variable "issuer" {
  description = "OpenID issuer the platform discovers signing keys from; the tenant v2.0 endpoint by default."
  type        = string
  default     = null
}

variable "allowed_audiences" {
  description = "Accepted \"aud\" values besides the client id, e.g. api://<client-id> for v1 tokens."
  type        = list(string)
  default     = []
}

variable "excluded_paths" {
  description = "Paths served without a token, e.g. /api/openapi.json. Every other path needs one."
  type        = list(string)
  default     = []
}
