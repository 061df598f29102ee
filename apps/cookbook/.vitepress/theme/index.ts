import '../../src/theme/style.css';

import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';

import { MermaidDiagram } from '../../src/theme/mermaid-diagram.js';
import { RecipeCatalog } from '../../src/theme/recipe-catalog.js';

/** VitePress' default theme plus the two components the generated pages use. */
const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('MermaidDiagram', MermaidDiagram);
    app.component('RecipeCatalog', RecipeCatalog);
  },
};

export default theme;
