# These resources moved into the shared function-app module; an existing state follows them
# instead of destroying and recreating the app. Safe to delete once every state has applied it.
moved {
  from = azurerm_log_analytics_workspace.catalog
  to   = module.function_app.azurerm_log_analytics_workspace.this
}

moved {
  from = azurerm_application_insights.catalog
  to   = module.function_app.azurerm_application_insights.this
}

moved {
  from = azurerm_storage_account.catalog
  to   = module.function_app.azurerm_storage_account.this
}

moved {
  from = azurerm_storage_container.app_package
  to   = module.function_app.azurerm_storage_container.app_package
}

moved {
  from = azurerm_service_plan.catalog
  to   = module.function_app.azurerm_service_plan.this
}

moved {
  from = azurerm_function_app_flex_consumption.catalog
  to   = module.function_app.azurerm_function_app_flex_consumption.this
}

moved {
  from = azurerm_role_assignment.function_storage
  to   = module.function_app.azurerm_role_assignment.storage_blob_data_owner
}
