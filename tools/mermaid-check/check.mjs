// Reads a Mermaid diagram (or Markdown holding ```mermaid blocks) on stdin and parses every
// diagram with mermaid's own parser. Exit 0: all valid; 1: a parse error (printed); 2: no diagram.
// mermaid's module touches DOM globals (DOMPurify) when it loads, so a jsdom window stands in.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const key of ['Element', 'HTMLElement', 'SVGElement', 'DOMParser', 'Node', 'NodeFilter', 'DocumentFragment']) {
  if (!(key in globalThis)) globalThis[key] = dom.window[key];
}

const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

let input = '';
for await (const chunk of process.stdin) input += chunk;

const fenced = [...input.matchAll(/```mermaid\r?\n([\s\S]*?)```/g)].map(m => m[1]);
const diagrams = fenced.length > 0 ? fenced : (input.trim() ? [input] : []);
if (diagrams.length === 0) {
  console.error('mermaid-check: no diagram on stdin');
  process.exit(2);
}
for (const [i, text] of diagrams.entries()) {
  try {
    const result = await mermaid.parse(text);
    console.log(`diagram ${i + 1}: valid ${result.diagramType}`);
  } catch (e) {
    console.error(`diagram ${i + 1}: invalid: ${String(e.message || e).split('\n').slice(0, 4).join(' | ')}`);
    process.exit(1);
  }
}
