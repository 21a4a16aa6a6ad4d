// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeKatexStrict from './site/markdown/rehype-katex-strict.mjs';
import rehypeWrapTables from './site/markdown/rehype-wrap-tables.mjs';
import { headingAnchorOptions } from './site/markdown/heading-anchors.mjs';
import rehypeGlueMathPunctuation from './site/markdown/rehype-glue-math-punctuation.mjs';
import { kernelSource } from './site/build/kernel-source.mjs';
import { notebookCompletions } from './site/build/completions.mjs';
import { cellLibraries } from './site/build/cell-libraries.mjs';

// Math is typeset at build time: pages ship KaTeX's CSS and fonts, never its JavaScript.
// Astro 7's default Markdown processor (Sätteri) ignores remark/rehype plugins, so the unified
// processor is selected explicitly; MDX inherits it.
export default defineConfig({
  srcDir: './site',
  site: 'https://neural-notebook.example',
  trailingSlash: 'ignore',
  markdown: {
    // Code blocks: both themes' colours are emitted as CSS variables; global.css picks one.
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false },
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeKatexStrict, rehypeGlueMathPunctuation, rehypeWrapTables,
        // Headings get their ids here (Astro would add the same ones later) so that each h2 and h3 can link to itself.
        rehypeHeadingIds, [rehypeAutolinkHeadings, headingAnchorOptions]],
    }),
  },
  // sitemap-index.xml and sitemap-0.xml list every page but the 404 page (which Astro leaves out).
  integrations: [mdx(), preact(), sitemap()],
  devToolbar: { enabled: false },
  // Notebook cells: the kernel's worker bundled to a string (virtual:notebook-kernel-source), and
  // the editor's completions generated from the engine's types (virtual:notebook-completions), and
  // the lesson libraries cells can ask for (virtual:notebook-libraries).
  vite: { plugins: [kernelSource(), notebookCompletions(), cellLibraries()] },
});
