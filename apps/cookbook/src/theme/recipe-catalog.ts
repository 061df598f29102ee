import { withBase } from 'vitepress';
import { computed, defineComponent, h, onMounted, type PropType, reactive, ref, watch } from 'vue';

import {
  type CatalogEntry,
  type CatalogQuery,
  EMPTY_QUERY,
  filterOptions,
  matchesQuery,
  queryFromSearchParams,
  searchParamsFromQuery,
} from './catalog-entry.js';

const LABELS = { complexity: 'Complexity', trigger: 'Trigger', tag: 'Tag' } as const;

/** Every recipe as a card, with a search box and complexity/trigger/tag filters kept in the URL. */
export const RecipeCatalog = defineComponent({
  name: 'RecipeCatalog',
  props: {
    entries: { type: Array as PropType<CatalogEntry[]>, required: true },
  },
  setup(props) {
    const query = reactive<CatalogQuery>({ ...EMPTY_QUERY });
    const options = computed(() => filterOptions(props.entries));
    const shown = computed(() => props.entries.filter((entry) => matchesQuery(entry, query)));
    const filtered = computed(() => Object.values(query).some(Boolean));
    // Set once the filters work in the browser (tests and scripts wait for it).
    const ready = ref(false);

    // The server renders every card; the URL's filters apply once in the browser.
    onMounted(() => {
      Object.assign(query, queryFromSearchParams(new URLSearchParams(window.location.search)));
      ready.value = true;
      watch(query, () => {
        const search = searchParamsFromQuery(query).toString();
        const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
        window.history.replaceState(window.history.state, '', url);
      });
    });

    const select = (key: keyof typeof LABELS) =>
      h('div', { class: 'catalog-field' }, [
        h('label', { for: `catalog-${key}` }, LABELS[key]),
        h(
          'select',
          {
            id: `catalog-${key}`,
            value: query[key],
            onChange: (event: Event) => (query[key] = (event.target as HTMLSelectElement).value),
          },
          [
            h('option', { value: '' }, `Any ${LABELS[key].toLowerCase()}`),
            ...options.value[key].map((value) =>
              h('option', { value, selected: value === query[key] }, value),
            ),
          ],
        ),
      ]);

    const card = (entry: CatalogEntry) =>
      h('li', { class: 'recipe-card', 'data-recipe': entry.name }, [
        h('article', { 'aria-labelledby': `recipe-card-${entry.name}` }, [
          h('h2', { id: `recipe-card-${entry.name}` }, [
            h('a', { href: withBase(`${entry.link}.html`) }, entry.title),
          ]),
          h('p', { class: 'recipe-card-summary' }, entry.summary),
          h('p', { class: 'recipe-card-meta' }, [
            h('span', { class: `recipe-badge complexity-${entry.complexity}` }, entry.complexity),
            h('span', { class: 'recipe-badge' }, entry.trigger),
          ]),
          h(
            'ul',
            { class: 'recipe-card-tags', 'aria-label': 'Tags' },
            entry.tags.map((tag) => h('li', tag)),
          ),
        ]),
      ]);

    return () =>
      h('div', { class: 'recipe-catalog', 'data-ready': ready.value ? 'true' : undefined }, [
        h(
          'form',
          {
            class: 'catalog-filters',
            role: 'search',
            'aria-label': 'Filter recipes',
            onSubmit: (event: Event) => event.preventDefault(),
          },
          [
            h('div', { class: 'catalog-field catalog-search' }, [
              h('label', { for: 'catalog-search' }, 'Search recipes'),
              h('input', {
                id: 'catalog-search',
                type: 'search',
                placeholder: 'e.g. cache, jwt, problem',
                autocomplete: 'off',
                value: query.search,
                onInput: (event: Event) =>
                  (query.search = (event.target as HTMLInputElement).value),
              }),
            ]),
            select('complexity'),
            select('trigger'),
            select('tag'),
            h(
              'button',
              {
                type: 'button',
                class: 'catalog-reset',
                disabled: !filtered.value,
                onClick: () => Object.assign(query, EMPTY_QUERY),
              },
              'Clear filters',
            ),
          ],
        ),
        h(
          'p',
          { class: 'catalog-count', role: 'status', 'aria-live': 'polite' },
          `Showing ${shown.value.length} of ${props.entries.length} recipes`,
        ),
        shown.value.length > 0
          ? h('ul', { class: 'recipe-cards' }, shown.value.map(card))
          : h('p', { class: 'catalog-empty' }, 'No recipe matches these filters.'),
      ]);
  },
});
