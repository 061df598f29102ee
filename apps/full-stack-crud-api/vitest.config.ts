import { defineProjectTestConfig } from '../../vitest.preset.mjs';

export default defineProjectTestConfig(import.meta.dirname, { name: 'full-stack-crud-api' });
