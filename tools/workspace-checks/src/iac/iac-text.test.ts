import { describe, expect, it } from 'vitest';

import { parseBicep } from './bicep-file.js';
import { codeMask, iacText, objectKeys, topLevelEntries } from './iac-text.js';
import { parseTerraform } from './terraform-files.js';

describe('codeMask', () => {
  it('blanks Bicep comments, even with braces and apostrophes in them, keeping offsets', () => {
    const source = "// don't { count this\nparam a string /* } */ = 'x'\n";
    const mask = codeMask(source, 'bicep');
    expect(mask).toHaveLength(source.length);
    expect(mask).not.toMatch(/[{}']/);
    expect(mask).toContain('param a string');
  });

  it('reads // inside a string as text, not as a comment', () => {
    const mask = codeMask("var u = 'https://example.com/{x}'\nvar b = {\n}\n", 'bicep');
    expect(mask).toContain('var b = {');
    expect(mask).not.toContain('example');
  });

  it('keeps code inside ${} interpolation, nested strings included (both flavours)', () => {
    const bicep = codeMask("var s = '${toLower(replace(n, '_', '-'))}/x'", 'bicep');
    expect(bicep).toContain('toLower(replace(n,');
    expect(bicep).not.toContain('_');
    const terraform = codeMask('name = "${replace(var.p, "-", "")}st${var.s}"', 'terraform');
    expect(terraform).toContain('replace(var.p,');
    expect(terraform).toContain('var.s');
    expect(terraform).not.toMatch(/[{}"]/);
  });

  it('blanks Terraform # comments and heredocs', () => {
    const mask = codeMask('# a { b\nx = <<EOT\n{ not code\nEOT\ny = 1\n', 'terraform');
    expect(mask).not.toMatch(/[{]/);
    expect(mask).toContain('y = 1');
  });
});

describe('topLevelEntries and objectKeys', () => {
  it('lists first-level keys only, with their values, in multi-line and one-line objects', () => {
    const body = iacText(
      "{\n  a: 1\n  b: { c: 2 }\n  d: x\n    ? 'y'\n    : 'z'\n  e: 'f', g: 3 }",
      'bicep',
    );
    const entries = topLevelEntries(body);
    expect(entries.map((entry) => entry.key)).toEqual(['a', 'b', 'd', 'e', 'g']);
    expect(entries[2]?.value.source).toContain(": 'z'");
  });

  it('reads HCL assignments and ignores comparisons', () => {
    const body = iacText('{\n  a = 1\n  b = var.x == 2 ? "y" : "z"\n  # c = 3\n}', 'terraform');
    expect(topLevelEntries(body).map((entry) => entry.key)).toEqual(['a', 'b']);
  });

  it('finds keys at any depth of an expression', () => {
    const expression = iacText("union({\n  A: 'x'\n  B: y\n}, empty(z) ? {} : { C: z })", 'bicep');
    expect(objectKeys(expression)).toEqual(['A', 'B', 'C']);
  });
});

describe('parseBicep', () => {
  const file = parseBicep(
    [
      "@description('Required.')",
      'param needed string',
      'param withDefault int = 3',
      'param nullable string?',
      "resource site 'Microsoft.Web/sites@2024-04-01' existing = {",
      "  name: 'x'",
      '}',
      "resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {",
      "  name: 'p'",
      '}',
      "module app '../modules/app.bicep' = {",
      "  name: 'app'",
      '  params: {',
      '    needed: needed',
      '    nested: { ignored: true }',
      '  }',
      '}',
      "var settings = union({ A: 'a' }, { B: 'b' })",
      'output id string = plan.id',
    ].join('\n'),
  );

  it('tells required params from optional ones (default or nullable type)', () => {
    expect(file.params).toEqual([
      { name: 'needed', optional: false },
      { name: 'withDefault', optional: true, defaultValue: '3' },
      { name: 'nullable', optional: true },
    ]);
  });

  it('lists deployed resource types, not existing references', () => {
    expect(file.resourceTypes).toEqual(['Microsoft.Web/serverfarms']);
  });

  it('reads module calls: target and params', () => {
    expect(file.modules).toEqual([
      { name: 'app', target: '../modules/app.bicep', arguments: ['needed', 'nested'] },
    ]);
  });

  it('reads outputs and variables', () => {
    expect(file.outputs).toEqual(['id']);
    const settings = file.variable('settings');
    expect(settings && objectKeys(settings)).toEqual(['A', 'B']);
  });
});

describe('parseTerraform', () => {
  const files = parseTerraform([
    [
      'terraform {',
      '  required_providers {',
      '    azurerm = {',
      '      source  = "hashicorp/azurerm"',
      '      version = "~> 4.42"',
      '    }',
      '  }',
      '}',
      'variable "needed" {',
      '  description = "x"',
      '  type        = string',
      '}',
      'variable "secret" {',
      '  type      = map(string)',
      '  sensitive = true',
      '  default   = {}',
      '}',
      'locals {',
      '  settings = merge({',
      '    A = "a"',
      '  }, { B = "b" })',
      '}',
    ].join('\n'),
    [
      'module "app" {',
      '  source     = "../modules/app"',
      '  needed     = var.needed',
      '  depends_on = [azurerm_x.y]',
      '}',
      'resource "azurerm_service_plan" "p" {}',
      'data "azurerm_client_config" "c" {}',
      'output "id" {',
      '  value = azurerm_service_plan.p.id',
      '}',
    ].join('\n'),
  ]);

  it('reads variables with their optionality, sensitivity and documentation', () => {
    expect(files.variables).toEqual([
      { name: 'needed', optional: false, sensitive: false, hasDescription: true, hasType: true },
      {
        name: 'secret',
        optional: true,
        defaultValue: '{}',
        sensitive: true,
        hasDescription: false,
        hasType: true,
      },
    ]);
  });

  it('reads module calls without Terraform meta-arguments, resources without data sources', () => {
    expect(files.modules).toEqual([
      { name: 'app', target: '../modules/app', arguments: ['needed'] },
    ]);
    expect(files.resourceTypes).toEqual(['azurerm_service_plan']);
    expect(files.outputs).toEqual(['id']);
  });

  it('reads provider constraints and locals', () => {
    expect(files.providerVersions).toEqual({ azurerm: '~> 4.42' });
    const settings = files.local('settings');
    expect(settings && objectKeys(settings)).toEqual(['A', 'B']);
  });
});
