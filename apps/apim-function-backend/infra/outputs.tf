output "function_app_name" {
  value = module.function_app.name
}

output "apim_name" {
  value = azurerm_api_management.catalog.name
}

output "gateway_url" {
  value = "${azurerm_api_management.catalog.gateway_url}/${azurerm_api_management_api.catalog.path}"
}

output "subscription_name" {
  value = azurerm_api_management_subscription.catalog_default.display_name
}
