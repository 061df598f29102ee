output "name" {
  description = "Function App name."
  value       = azurerm_function_app_flex_consumption.this.name
}

output "id" {
  description = "Function App resource id."
  value       = azurerm_function_app_flex_consumption.this.id
}

output "default_hostname" {
  description = "Host name of the app, e.g. <name>.azurewebsites.net."
  value       = azurerm_function_app_flex_consumption.this.default_hostname
}

output "principal_id" {
  description = "Object id of the app's system-assigned identity."
  value       = azurerm_function_app_flex_consumption.this.identity[0].principal_id
}

output "storage_account_name" {
  description = "Storage account behind AzureWebJobsStorage and the deployment container."
  value       = azurerm_storage_account.this.name
}
