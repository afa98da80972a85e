// Small helpers to build and find elements without a framework.

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined>;

/** Creates an element; attributes with null, undefined or false are left out, true sets an empty attribute. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** The element the page's HTML must contain; a missing one is a bug in the page, not a runtime condition. */
export function required<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T {
  const found = root.querySelector<T>(selector);
  if (!found) {
    throw new Error(`The page has no ${selector}.`);
  }
  return found;
}

/** Shows a message in plain words in an alert area, or hides the area when the message is null. */
export function showMessage(area: HTMLElement, message: string | null): void {
  area.textContent = message ?? "";
  area.hidden = message === null;
}
