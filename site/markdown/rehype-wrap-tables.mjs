/**
 * Rehype plugin: wraps every Markdown table in <div class="table-scroll">, so a wide table scrolls
 * sideways inside the text column on a phone instead of widening the page.
 */
export default function rehypeWrapTables() {
  const visit = (node) => {
    if (!node.children) return;
    node.children = node.children.map((child) => {
      if (child.type === 'element' && child.tagName === 'table') {
        return { type: 'element', tagName: 'div', properties: { className: ['table-scroll'] }, children: [child] };
      }
      visit(child);
      return child;
    });
  };
  return (tree) => visit(tree);
}
