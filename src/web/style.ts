/** The public pages' one stylesheet: mobile first, system fonts, no framework. Served at `/assets/site-<hash>.css`. */
export const SITE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d2731;background:#f7f8fa}
a{color:#0b5cad}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
header.site{background:#0d3b66;color:#fff}
header.site .bar{max-width:60rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;justify-content:space-between}
header.site a{color:#fff}
.brand{font-weight:700;font-size:1.1rem;text-decoration:none}
nav.main ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
main{max-width:60rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
code{overflow-wrap:anywhere}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.6rem 0 .6rem}
.lede{color:#44515d}
form.search{display:flex;gap:.5rem;flex-wrap:wrap;margin:1rem 0}
form.search input[type=search]{flex:1 1 14rem;min-width:0;padding:.6rem;border:1px solid #8795a1;border-radius:6px;font:inherit}
button,.button{padding:.6rem 1rem;border:0;border-radius:6px;background:#0b5cad;color:#fff;font:inherit;cursor:pointer;text-decoration:none;display:inline-block}
.filters{display:grid;gap:.6rem;grid-template-columns:1fr;background:#fff;border:1px solid #dde3e8;border-radius:8px;padding:.8rem;margin:1rem 0}
.filters label{display:block;font-size:.9rem;font-weight:600}
.filters select{width:100%;padding:.5rem;font:inherit;border:1px solid #8795a1;border-radius:6px;background:#fff}
ul.cards{list-style:none;padding:0;margin:0;display:grid;gap:.8rem}
ul.cards>li{background:#fff;border:1px solid #dde3e8;border-radius:8px;padding:.8rem 1rem}
ul.cards h3{font-size:1.05rem;margin:0 0 .3rem}
.meta{color:#4f5d6a;font-size:.9rem;margin:.2rem 0}
.tag{display:inline-block;font-size:.8rem;padding:.1rem .5rem;border-radius:99px;background:#e6eef6;color:#0d3b66;margin-right:.3rem}
.tag.need{background:#fdeedc;color:#7a3e00}
ul.chips{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
ul.chips a{display:inline-block;padding:.35rem .7rem;border-radius:99px;background:#fff;border:1px solid #b9c6d2;text-decoration:none}
dl.fields dt{font-weight:600;margin-top:.8rem}
dl.fields dd{margin:.2rem 0 0}
.pager{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #dde3e8;vertical-align:top}
.post{background:#fff;border:1px solid #dde3e8;border-radius:8px;padding:.6rem 1rem;margin:.6rem 0}
footer.site{max-width:60rem;margin:2rem auto;padding:1rem;color:#4f5d6a;font-size:.9rem;border-top:1px solid #dde3e8}
@media (min-width:48rem){.filters{grid-template-columns:repeat(3,1fr)}h1{font-size:2rem}}
`;

/** A short content hash of the stylesheet, so its URL changes with it and it may be cached for a year. */
export function cssVersion(): string {
  let h = 2166136261;
  for (let i = 0; i < SITE_CSS.length; i++) h = Math.imul(h ^ SITE_CSS.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
