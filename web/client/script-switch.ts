/**
 * The traditional-Chinese switch. The server converts (POST /web/traditional,
 * opencc's Taiwan standard): the dictionaries would outweigh the whole page.
 * After each render, the page's text nodes and a few attributes are sent in
 * one request, each distinct string once, and replaced in place; converted
 * strings are remembered for the visit. Back to simplified is a fresh render.
 */
import { toTraditional } from './api.js';

const HAN = /[\u3400-\u9fff]/;
const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];
const known = new Map<string, string>();

type Slot = { text: string; put(converted: string): void };

function slotsIn(root: Element): Slot[] {
  const slots: Slot[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (!HAN.test(text) || node.parentElement?.closest('[data-script-keep]')) continue;
    const target = node;
    slots.push({ text, put: (converted) => (target.nodeValue = converted) });
  }
  for (const element of root.querySelectorAll<HTMLElement>(ATTRIBUTES.map((a) => `[${a}]`).join(','))) {
    for (const name of ATTRIBUTES) {
      const text = element.getAttribute(name);
      if (text && HAN.test(text)) slots.push({ text, put: (converted) => element.setAttribute(name, converted) });
    }
  }
  if (root === document.body && HAN.test(document.title))
    slots.push({ text: document.title, put: (converted) => (document.title = converted) });
  return slots;
}

/** Converts everything under `root` to traditional; on a network failure the text stays simplified. */
export async function convertToTraditional(root: Element): Promise<void> {
  const slots = slotsIn(root);
  const unknown = [...new Set(slots.map((s) => s.text).filter((text) => !known.has(text)))];
  if (unknown.length > 0) {
    try {
      // In slices the server accepts (at most 500 strings a request).
      for (let start = 0; start < unknown.length; start += 400) {
        const slice = unknown.slice(start, start + 400);
        const converted = await toTraditional(slice);
        slice.forEach((text, index) => known.set(text, converted[index] ?? text));
      }
    } catch {
      return;
    }
  }
  for (const slot of slots) slot.put(known.get(slot.text) ?? slot.text);
}
