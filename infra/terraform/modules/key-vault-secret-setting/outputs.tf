output "name" {
  description = "Vault name."
  value       = azurerm_key_vault.this.name
}

output "id" {
  description = "Vault resource id; pass it to function-app's key_vault_ids."
  value       = azurerm_key_vault.this.id
}

output "uri" {
  description = "Vault URI, e.g. https://<name>.vault.azure.net/."
  value       = azurerm_key_vault.this.vault_uri
}

output "app_settings" {
  description = "Key Vault reference per app setting name, for function-app's app_settings. Versionless: a rotated secret is picked up within 24 hours (at once on restart)."
  value = {
    for setting, secret in local.secret_names :
    setting => "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault.this.vault_uri}secrets/${secret}/)"
  }
  # A reference is handed out only once its secret exists.
  depends_on = [azurerm_key_vault_secret.this]
}
