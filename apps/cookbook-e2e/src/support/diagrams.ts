// Drawing a page's mermaid diagrams under a parallel crawl on 2 cores outlasted the 5 s default.
export const MERMAID_RENDER_MS = 30_000;
