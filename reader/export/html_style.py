"""The inline stylesheet of the HTML export: light, quiet typography; colour never the only signal.

Kept apart from the renderer so the look can be tuned without touching the escaping logic. No `url()`, no
`@import`, no web fonts: the page must render identically offline and from an e-mail attachment.
"""

STYLE = """
:root {
  --ink: #1d2430; --muted: #6b7280; --faint: #9aa1ac; --rule: #e6e4de; --paper: #fbfaf7; --card: #ffffff;
  --verbatim: #dcf2e4; --verbatim-edge: #3f9b67;
  --paraphrase: #e0ebfb; --paraphrase-edge: #3b73c4;
  --partial: #fbf0cc; --partial-edge: #c79a12;
  --unique: #f4ecfb; --unique-edge: #8b5cc6;
  --conflict: #c2362f; --conflict-bg: #fde4e1; --note: #fff8e1; --note-edge: #e3a008;
}
* { box-sizing: border-box; }
html { background: var(--paper); }
body {
  margin: 0; color: var(--ink); background: var(--paper);
  font: 16px/1.6 "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Times New Roman", serif;
}
.ui, .g, .tag, .figures, .legend, .colhead, summary, table, .note, .meta, footer {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.wrap { max-width: 1280px; margin: 0 auto; padding: 0 28px; }
header.page { padding: 36px 0 18px; border-bottom: 1px solid var(--rule); margin-bottom: 18px; }
header.page h1 { font-size: 26px; line-height: 1.25; margin: 0 0 14px; font-weight: 600; }
.eyebrow { font: 600 12px/1 system-ui, sans-serif; letter-spacing: .08em; text-transform: uppercase;
  color: var(--muted); margin-bottom: 10px; }
.sources { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; }
.source h2 { font-size: 18px; margin: 0 0 4px; font-weight: 600; line-height: 1.3; }
.meta { font-size: 13px; color: var(--muted); }
.meta code { font-size: 12px; word-break: break-all; }
.label { display: inline-block; min-width: 1.7em; padding: 1px 6px; margin-right: 6px; border-radius: 5px;
  background: var(--ink); color: #fff; font: 600 13px/1.4 system-ui, sans-serif; text-align: center; }
.figures { display: flex; flex-wrap: wrap; gap: 10px 26px; margin: 16px 0 6px; font-size: 14px; }
.figures b { font-size: 20px; font-weight: 600; display: block; }
.figures span { color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 8px 16px; font-size: 12.5px; color: var(--muted); margin: 10px 0 0; }
.chip { display: inline-block; padding: 0 7px; border-radius: 4px; border-left: 3px solid; color: var(--ink); }
.colhead { position: sticky; top: 0; z-index: 2; display: grid; grid-template-columns: 1fr 1fr; gap: 28px;
  background: rgba(251, 250, 247, .96); border-bottom: 1px solid var(--rule); padding: 8px 0; font-size: 13px;
  color: var(--muted); }
.colhead div { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; padding: 3px 0; }
.row.level { border-top: 1px dashed var(--rule); }
.cell { min-width: 0; }
.s { display: grid; grid-template-columns: 4.4em 1fr; border-radius: 5px; padding: 3px 10px 3px 0;
  border-left: 3px solid transparent; }
.s + .s { margin-top: 2px; }
.s.para { margin-top: 12px; }
.g { font-size: 11.5px; color: var(--faint); text-align: right; padding: 4px 10px 0 0; white-space: nowrap;
  font-variant-numeric: tabular-nums; }
.g .m { display: inline-block; width: 1.1em; text-align: center; color: var(--ink); font-weight: 700; }
.c-verbatim { background: var(--verbatim); border-left-color: var(--verbatim-edge); }
.c-paraphrase { background: var(--paraphrase); border-left-color: var(--paraphrase-edge); }
.c-partial { background: var(--partial); border-left-color: var(--partial-edge); }
.c-unique { background: transparent; border-left-color: var(--unique-edge); }
.c-boilerplate { color: var(--faint); font-size: 14px; }
.k-headline .t { font-weight: 700; font-size: 18px; line-height: 1.35; }
.k-byline .t { font-style: italic; color: var(--muted); }
.k-bullet .t::before { content: "•"; margin: 0 .5em 0 -.1em; color: var(--muted); }
.moved-link { font: 12px system-ui, sans-serif; color: var(--paraphrase-edge); text-decoration: none;
  margin-left: .4em; white-space: nowrap; }
.moved-link:hover { text-decoration: underline; }
.w-diff { text-decoration: underline dotted; text-decoration-color: rgba(29, 36, 48, .38);
  text-decoration-thickness: 1px; text-underline-offset: 3px; }
mark { color: inherit; background: transparent; }
mark.d-conflict { background: var(--conflict-bg); box-shadow: inset 0 -2px 0 var(--conflict); border-radius: 2px; }
mark.d-only { box-shadow: inset 0 -2px 0 var(--partial-edge); }
.noted { background-image: linear-gradient(transparent 62%, rgba(227, 160, 8, .35) 62%); }
.ref { font: 700 10.5px/1 system-ui, sans-serif; color: #fff; background: var(--note-edge); border-radius: 8px;
  padding: 2px 5px; margin-left: 4px; text-decoration: none; vertical-align: 2px; }
.note { margin: 5px 0 8px 4.4em; padding: 8px 12px; background: var(--note); border-left: 3px solid var(--note-edge);
  border-radius: 0 6px 6px 0; font-size: 14px; line-height: 1.5; }
.note .body { white-space: pre-wrap; overflow-wrap: anywhere; }
.note .when { font-size: 11.5px; color: var(--muted); }
.tag { display: inline-block; font-size: 11.5px; padding: 1px 8px; margin: 0 4px 4px 0; border-radius: 999px;
  background: #ececf3; color: #3b3f4a; }
.tag-agree { background: #dcf2e4; color: #1d6b40; }
.tag-conflict { background: var(--conflict-bg); color: #8f211b; }
.tag-check { background: #fdf0c6; color: #7a5a00; }
.tag-important { background: #e3e6fb; color: #2f3a9a; }
details.fold { margin: 4px 0; }
details.fold summary { cursor: pointer; font-size: 12px; color: var(--faint); padding-left: 4.4em; }
section.block { margin: 40px auto 0; }
section.block h2 { font-size: 20px; font-weight: 600; border-bottom: 1px solid var(--rule); padding-bottom: 6px; }
table { border-collapse: collapse; font-size: 14px; width: 100%; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12.5px; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.notes-list .note { margin-left: 0; }
mark.only { background: transparent; font-weight: 800; text-decoration: underline; text-underline-offset: 3px; }
table.story td { font-size: 13.5px; line-height: 1.45; }
table.story td.absent { color: var(--faint); text-align: center; }
table.story tr.conflicting td:first-child { box-shadow: inset 3px 0 0 var(--conflict); }
.notes-list .where { font-size: 13px; color: var(--muted); margin-bottom: 4px; }
.orphan { border-left-color: var(--faint); background: #f3f3f1; }
footer { color: var(--faint); font-size: 12px; padding: 36px 0 48px; }
@media (max-width: 820px) {
  .row, .colhead, .sources { grid-template-columns: 1fr; }
  .colhead { display: none; }
}
@media print {
  .colhead { position: static; }
  body { font-size: 11pt; }
  details.fold { display: none; }
}
"""
