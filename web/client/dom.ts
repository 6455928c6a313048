/**
 * A tiny element builder: text always goes in as text nodes (never HTML), so
 * nothing the API or a share link carries can become markup.
 */
export type Child = Node | string | number | null | undefined | false;
type Prop = string | number | boolean | null | undefined | ((event: Event) => void);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, Prop> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : String(child));
  }
  return element;
}

/** Replaces an element's content. */
export function show(container: Element, ...children: Child[]): void {
  container.replaceChildren();
  for (const child of children)
    if (child !== null && child !== undefined && child !== false)
      container.append(typeof child === 'object' ? child : String(child));
}

/** A card with a heading that names it for assistive technology: `<section aria-labelledby>`. */
export function titledCard(id: string, title: string, extraClass: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { class: `card ${extraClass}`.trim(), 'aria-labelledby': id },
    h('h2', { id }, title),
    ...children,
  );
}
