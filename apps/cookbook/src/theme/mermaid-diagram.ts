import { useData } from 'vitepress';
import { defineComponent, h, onMounted, ref, watch } from 'vue';

let renderCount = 0;

/** The bundled mermaid, loaded on first use so pages without diagrams never download it. */
async function renderSvg(source: string, dark: boolean): Promise<string> {
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: dark ? 'dark' : 'default',
    // The dark theme derives edge-label backgrounds from labelBackground (+25% light): 4.4:1, below WCAG AA.
    ...(dark ? { themeVariables: { labelBackground: '#000000' } } : {}),
  });
  const { svg } = await mermaid.render(`mermaid-diagram-${++renderCount}`, source);
  return svg;
}

/** What the diagram shows, for readers who cannot see it: "Flowchart", "Sequence diagram", … */
export function diagramLabel(source: string): string {
  const kind = source.trim().split(/\s+/)[0] ?? '';
  if (kind === 'flowchart' || kind === 'graph') return 'Flowchart';
  if (kind === 'sequenceDiagram') return 'Sequence diagram';
  return `${kind.replace(/Diagram$/, '').replace(/([a-z])([A-Z])/g, '$1 $2') || 'Mermaid'} diagram`;
}

/** A ```mermaid block: its source until the SVG is drawn in the browser (and if drawing fails). */
export const MermaidDiagram = defineComponent({
  name: 'MermaidDiagram',
  props: {
    /** The diagram source, URI-encoded. */
    code: { type: String, required: true },
  },
  setup(props) {
    const source = decodeURIComponent(props.code);
    const svg = ref('');
    const error = ref('');
    const { isDark } = useData();
    const draw = async (): Promise<void> => {
      try {
        svg.value = await renderSvg(source, isDark.value);
        error.value = '';
      } catch (caught) {
        error.value = caught instanceof Error ? caught.message : String(caught);
      }
    };
    onMounted(draw);
    watch(isDark, draw);
    return () =>
      svg.value
        ? h('figure', {
            class: 'mermaid-diagram',
            role: 'img',
            'aria-label': diagramLabel(source),
            innerHTML: svg.value,
          })
        : h('div', { class: 'mermaid-pending' }, [
            error.value
              ? h(
                  'p',
                  { class: 'mermaid-error', role: 'alert' },
                  `Diagram failed to render: ${error.value}`,
                )
              : null,
            h('pre', { class: 'mermaid-source' }, [h('code', source)]),
          ]);
  },
});
