output "id" {
  description = "Server resource id."
  value       = azurerm_postgresql_flexible_server.this.id
}

output "server_name" {
  description = "Server name."
  value       = azurerm_postgresql_flexible_server.this.name
}

output "host" {
  description = "Server host name, e.g. <name>.postgres.database.azure.com."
  value       = azurerm_postgresql_flexible_server.this.fqdn
}

output "database" {
  description = "Database name."
  value       = azurerm_postgresql_flexible_server_database.this.name
}

output "user" {
  description = "PostgreSQL role the app logs in as: the administrator identity's name."
  value       = var.administrator_name
}

output "database_url" {
  description = "Connection URL without a password: the app supplies an Entra access token (scope https://ossrdbms-aad.database.windows.net/.default)."
  value       = "postgresql://${urlencode(var.administrator_name)}@${azurerm_postgresql_flexible_server.this.fqdn}:5432/${var.database_name}?sslmode=require"
  # Usable once the identity is an administrator.
  depends_on = [azurerm_postgresql_flexible_server_active_directory_administrator.this]
}
