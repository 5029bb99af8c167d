/**
 * The twin's `HtmlService`: HTML outputs from the built add-on's files, and templates whose
 * `<?= … ?>` prints escaped, `<?!= … ?>` prints raw and `<? … ?>` runs code, as Apps Script's
 * templated HTML does (https://developers.google.com/apps-script/guides/html/templates).
 */
import { escapeHtml } from '../../shared/reports/documents';

function output(html: string) {
  let content = html;
  let title = '';
  let width = 0;
  let height = 0;
  const out = {
    getContent: () => content,
    setContent: (c: string) => ((content = c), out),
    append: (c: string) => ((content += c), out),
    getTitle: () => title,
    setTitle: (t: string) => ((title = t), out),
    getWidth: () => width,
    setWidth: (w: number) => ((width = w), out),
    getHeight: () => height,
    setHeight: (h: number) => ((height = h), out),
    setSandboxMode: () => out,
    addMetaTag: () => out,
  };
  return out;
}

/** Compiles a template to a function of its variables. */
export function compileTemplate(source: string): (vars: Record<string, unknown>) => string {
  let code = 'let __out = "";\n';
  let at = 0;
  for (const m of source.matchAll(/<\?(!=|=)?([\s\S]*?)\?>/g)) {
    code += `__out += ${JSON.stringify(source.slice(at, m.index))};\n`;
    const body = (m[2] ?? '').trim();
    if (m[1] === '=') code += `__out += __escape(${body});\n`;
    else if (m[1] === '!=') code += `__out += String(${body});\n`;
    else code += `${body}\n`;
    at = (m.index ?? 0) + m[0].length;
  }
  code += `__out += ${JSON.stringify(source.slice(at))};\nreturn __out;`;
  return (vars) => {
    const names = Object.keys(vars);
    return new Function('__escape', ...names, code)(escapeHtml, ...names.map((n) => vars[n])) as string;
  };
}

export function makeHtmlService(files: Record<string, string>, hit: (k: string) => void) {
  const file = (name: string) => {
    const html = files[name] ?? files[`${name}.html`];
    if (html === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
    return html;
  };
  return {
    SandboxMode: { IFRAME: 'IFRAME' },
    createHtmlOutput: (html = '') => (hit('HtmlService.createHtmlOutput'), output(html)),
    createHtmlOutputFromFile: (name: string) => (
      hit('HtmlService.createHtmlOutputFromFile'), output(file(name))
    ),
    createTemplateFromFile(name: string) {
      hit('HtmlService.createTemplateFromFile');
      const render = compileTemplate(file(name));
      const template: Record<string, unknown> & { evaluate(): ReturnType<typeof output> } = {
        evaluate: () => {
          const vars = Object.fromEntries(Object.entries(template).filter(([k]) => k !== 'evaluate'));
          return output(render(vars));
        },
      };
      return template;
    },
  };
}
