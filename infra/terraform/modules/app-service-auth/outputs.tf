output "issuer" {
  description = "OpenID issuer the platform validates tokens against."
  value       = local.issuer
}
