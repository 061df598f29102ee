output "function_app_name" {
  value = module.function_app.name
}

output "function_app_hostname" {
  value = module.function_app.default_hostname
}

output "apim_name" {
  value = azurerm_api_management.streaming.name
}

output "gateway_url" {
  value = "${azurerm_api_management.streaming.gateway_url}/${azurerm_api_management_api.streaming.path}"
}

output "subscription_name" {
  value = azurerm_api_management_subscription.streaming_default.display_name
}
