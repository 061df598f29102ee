output "function_app_name" {
  value = module.function_app.name
}

output "function_app_hostname" {
  value = module.function_app.default_hostname
}
