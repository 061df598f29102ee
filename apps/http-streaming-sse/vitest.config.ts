import { defineProjectTestConfig } from '../../vitest.preset.mjs';

export default defineProjectTestConfig(import.meta.dirname, { name: 'http-streaming-sse' });
