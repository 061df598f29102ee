output "function_app_name" {
  value = module.function_app.name
}

output "function_app_hostname" {
  value = module.function_app.default_hostname
}

output "postgres_server_name" {
  value = module.db.server_name
}

output "database_url" {
  value = module.db.database_url
}

output "database_identity_client_id" {
  value = azurerm_user_assigned_identity.db.client_id
}
