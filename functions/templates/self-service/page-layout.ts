import { escapeHtml as e } from '../escape-html';

/**
 * The frame of every page a debtor sees: the language on <html>, a viewport for phones, one <main>
 * with one <h1>, and styles inline (no script, no remote resource). Colours keep at least 4.5:1
 * contrast with their background (WCAG 2.1 AA); controls are 44 px high for a thumb; at 360 px
 * wide everything stacks in one column.
 */
export function pageDocument(input: { language: 'nl' | 'en'; title: string; body: string }): string {
  return `<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${e(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main id="main">
${input.body}
</main>
</body>
</html>`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#f4f5f7}
main{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3rem;margin:2rem 0 .75rem}
h3{font-size:1.1rem;margin:0 0 .5rem}
a{color:#0b57d0}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #1a1a1a;outline-offset:2px}
.card{background:#fff;border:1px solid #c4c7cc;border-radius:8px;padding:1rem;margin:0 0 1rem}
.notice{background:#e6f4ea;border-color:#1e7b34}
.problem{background:#fdecea;border-color:#b3261e}
.notice-heading{margin-top:0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 .75rem}
dt{font-weight:600}dd{margin:0}
.qr{display:block;width:160px;height:160px;margin:.5rem 0}
.actions a{display:inline-block;margin:.25rem 1rem .25rem 0}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
.help{display:block;font-size:.9rem;color:#4a4f55;margin:0 0 .25rem}
input,select,textarea{width:100%;min-height:44px;font:inherit;padding:.5rem;border:1px solid #5f6368;border-radius:6px;background:#fff;color:#1a1a1a}
textarea{min-height:6rem}
button{min-height:44px;margin-top:1rem;padding:.5rem 1.25rem;font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:6px;cursor:pointer}
.button{display:inline-block;min-height:44px;padding:.6rem 1.25rem;color:#fff;background:#1e7b34;border-radius:6px;font-weight:600;text-decoration:none}
fieldset{border:0;padding:0;margin:0}
legend{font-weight:600}
table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #c4c7cc}
td.number,th.number{text-align:right}
footer{margin:2rem 0 1rem;font-size:.9rem;color:#4a4f55}
@media print{body{background:#fff}.card{border:0}}
`;
