// Options for rehype-autolink-headings: every h2 and h3 of a lesson or page gets a small link to
// itself placed after it (not inside: a link inside would add its name to the heading's), both
// wrapped in a div.heading-anchored. The link's content is an SVG with no text, so Astro's heading
// collection (which reads a heading's text nodes) and the table of contents are unchanged.

/** The text of a hast node and its descendants. */
function textOf(node) {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** rehype-autolink-headings options: a labelled link after each h2 and h3. */
export const headingAnchorOptions = {
  test: ['h2', 'h3'],
  behavior: 'after',
  group: { type: 'element', tagName: 'div', properties: { className: ['heading-anchored'] }, children: [] },
  properties: (heading) => ({ className: ['heading-anchor'], ariaLabel: `Link to the section “${textOf(heading).trim()}”` }),
  content: {
    type: 'element',
    tagName: 'svg',
    properties: { ariaHidden: 'true', viewBox: '0 0 16 16', width: 16, height: 16 },
    children: [
      {
        type: 'element',
        tagName: 'path',
        properties: {
          d: 'M6.5 9.5a3 3 0 0 0 4.2 0l2.1-2.1a3 3 0 0 0-4.2-4.2L7.5 4.3M9.5 6.5a3 3 0 0 0-4.2 0L3.2 8.6a3 3 0 0 0 4.2 4.2l1.1-1.1',
          fill: 'none',
          stroke: 'currentColor',
          strokeWidth: 1.6,
          strokeLinecap: 'round',
        },
        children: [],
      },
    ],
  },
};
