// Internal: the report page's inline style sheet (light, dark, phone and print).
#ifndef REDLINE_REPORT_HTML_STYLE_H_
#define REDLINE_REPORT_HTML_STYLE_H_

namespace redline::report {

inline constexpr const char kReportCss[] = R"css(
:root{color-scheme:light dark;--bg:#fdfdfb;--fg:#1d1d1f;--muted:#5f6368;--rule:#d9d9d4;--card:#ffffff;
--ins-bg:#d4f4dc;--ins-fg:#0b4d1f;--del-bg:#fde0df;--del-fg:#7a1212;--accent:#b3261e;--link:#1a4fb5;--dot:#1a4fb5}
@media (prefers-color-scheme:dark){:root{--bg:#141416;--fg:#e8e8e6;--muted:#a5a9ae;--rule:#3a3a3f;--card:#1d1d21;
--ins-bg:#123d22;--ins-fg:#b8f0c8;--del-bg:#4a1718;--del-fg:#ffc9c6;--accent:#ff8a80;--link:#8ab4f8;--dot:#8ab4f8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 Georgia,"Times New Roman",serif;overflow-wrap:anywhere}
main{max-width:52rem;margin:0 auto;padding:1.5rem 1rem 3rem}
header.report h1{font:700 1.6rem/1.2 system-ui,sans-serif;margin:0 0 .25rem}
.meta,.window,figcaption,.rev-head p{color:var(--muted);font:.9rem/1.4 system-ui,sans-serif}
h2,h3,h4{font-family:system-ui,sans-serif;line-height:1.25}
h2{font-size:1.35rem;margin:2rem 0 .25rem}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
h4{font-size:1rem;margin:0}
a{color:var(--link)}
nav.contents ol{padding-left:1.2rem}
section.story{border-top:3px solid var(--fg);margin-top:2rem}
ol.headlines{padding-left:1.2rem}
ol.headlines li{margin:.3rem 0}
ol.headlines .when{display:block;color:var(--muted);font:.8rem system-ui,sans-serif}
figure{margin:0}
svg.timeline{width:100%;height:auto;max-height:14rem;display:block}
.tl-axis{stroke:var(--muted);stroke-width:1}
.tl-line{fill:none;stroke:var(--rule);stroke-width:1.5}
.tl-dot{fill:var(--dot)}
.tl-headline{fill:var(--accent)}
.tl-label{fill:var(--muted);font:13px system-ui,sans-serif}
.legend-dot,.legend-diamond{display:inline-block;width:.7em;height:.7em;margin:0 .25em 0 .6em;background:var(--dot);border-radius:50%}
.legend-diamond{background:var(--accent);border-radius:0;transform:rotate(45deg)}
article.revision{background:var(--card);border:1px solid var(--rule);border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
.rev-head p{margin:.2rem 0}
.badge{display:inline-block;font:600 .75rem system-ui,sans-serif;padding:.05rem .4rem;border-radius:3px;border:1px solid currentColor;color:var(--accent);margin-left:.4rem}
ul.summary,ul.redline-summary{font:.9rem/1.45 system-ui,sans-serif;padding-left:1.2rem}
ins{text-decoration:underline;text-decoration-thickness:2px;background:var(--ins-bg);color:var(--ins-fg)}
del{text-decoration:line-through;text-decoration-thickness:2px;background:var(--del-bg);color:var(--del-fg)}
.redline-diff p{margin:.6rem 0}
.redline-move{font:italic .85rem system-ui,sans-serif;color:var(--muted)}
.redline-moved{border-left:3px solid var(--dot);padding-left:.3rem}
.redline-elided{color:var(--muted);text-align:center}
.source{word-break:break-all}
@media (max-width:40rem){body{font-size:15px}main{padding:1rem .75rem 2rem}article.revision{padding:.6rem .7rem}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--card:#fff;--rule:#999;--ins-bg:#fff;--ins-fg:#000;--del-bg:#fff;--del-fg:#000;--link:#000}
body{font-size:11pt}main{max-width:none;padding:0}nav.contents{display:none}
article.revision{break-inside:avoid;border-color:#999}section.story{break-before:page}section.story:first-of-type{break-before:auto}
a.source[href]::after{content:" <" attr(href) ">";font-size:.85em}}
)css";

}  // namespace redline::report

#endif  // REDLINE_REPORT_HTML_STYLE_H_
