output "function_app_name" {
  value = module.function_app.name
}

output "function_app_hostname" {
  value = module.function_app.default_hostname
}

output "webhook_url" {
  value = "https://${module.function_app.default_hostname}/api/github/webhook"
}

output "key_vault_name" {
  value = module.secrets.name
}
