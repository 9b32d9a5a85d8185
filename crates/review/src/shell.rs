//! The HTML around the sections: the inline style and script, escaping and
//! base64 for the inline images. Nothing is fetched: a page opens offline.

/// The whole page; `controls` adds the text-layer switch and the legend
/// (review pages, not the index).
pub(crate) fn document(title: &str, body: &str, controls: bool) -> String {
    let controls = if controls { CONTROLS } else { "" };
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">\
         <meta name=\"generator\" content=\"jixiao {}\"><title>{} · jixiao review</title>\
         <style>{STYLE}</style></head><body><header><h1>{}</h1>{controls}</header>\n{body}\
         <script>{SCRIPT}</script></body></html>\n",
        env!("CARGO_PKG_VERSION"),
        esc(title),
        esc(title)
    )
}

/// The header's switch and legend.
const CONTROLS: &str =
    "<label><input type=\"checkbox\" id=\"textlayer\"> show the text read over the page</label>\
    <span class=\"legend\"><i class=\"err\">error</i> <i class=\"warn\">warning</i> \
    <i class=\"rep\">repaired</i> <i class=\"read\">field read</i></span>";

/// The page's style: pages left, a scrolling panel right; boxes outlined
/// by what they hold.
const STYLE: &str = "\
body{font:14px/1.4 system-ui,'Noto Sans CJK SC',sans-serif;margin:0;color:#222;background:#f3f3f1}\
header{padding:8px 16px;background:#fff;border-bottom:1px solid #ccc;position:sticky;top:0;z-index:3}\
h1{font-size:16px;margin:0 16px 0 0;display:inline}h2{font-size:16px;margin:8px 0 0}\
h3{font-size:14px;margin:12px 0 4px}.legend{margin-left:16px}.legend i{font-style:normal;padding:0 4px;border:2px solid}\
.legend .err{border-color:#d00}.legend .warn{border-color:#e80}.legend .rep{border-color:#80c;border-style:dashed}\
.legend .read{border-color:#27c;border-width:1px}\
section.form{padding:8px 16px}.meta{margin:2px 0 8px;color:#555}\
.body{display:flex;gap:16px;align-items:flex-start}.pages{flex:none}.pages.dump{max-width:70%;overflow-x:auto}\
aside{flex:1;min-width:320px;max-height:calc(100vh - 60px);overflow:auto;position:sticky;top:48px;\
background:#fff;border:1px solid #ddd;padding:4px 10px}\
figure.page{position:relative;margin:0 0 12px;background:#fff;box-shadow:0 1px 4px #0003}\
figure.page img,figure.page svg{position:absolute;left:0;top:0}\
figcaption{position:absolute;right:4px;bottom:-18px;font-size:11px;color:#777}\
rect.box{fill:transparent;stroke:#27c;stroke-width:.4;stroke-opacity:.35}\
rect.read{stroke-opacity:.8}rect.part{stroke-dasharray:2 1}\
rect.warn{stroke:#e80;stroke-width:1.4;stroke-opacity:1;fill:#e801}\
rect.err{stroke:#d00;stroke-width:1.6;stroke-opacity:1;fill:#d001}\
rect.rep{stroke:#80c;stroke-width:1.2;stroke-opacity:1;stroke-dasharray:3 2}\
rect.hl{fill:#ff03;stroke:#00f;stroke-width:2;stroke-opacity:1}\
text.tl{font-size:7px;fill:#036;display:none}.textlayer text.tl,.showtext text.tl{display:inline}\
.note{color:#a50}table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ddd;padding:1px 4px;vertical-align:top}\
table.grid{background:#fff}table.grid td{border:1px solid #888;min-width:2em;max-width:16em}td.n.err{color:#d00;font-weight:bold}td.n.warn{color:#e80;font-weight:bold}\
td.err{outline:2px solid #d00}td.warn{outline:2px solid #e80}td.rep{outline:2px dashed #80c}td.hl{background:#ff6}\
td.path,.path{font-family:monospace;font-size:11px;color:#555}\
tr.differs td{background:#fde}tr.hl td,li.hl{background:#ffa}\
ol.findings{padding-left:20px;margin:0}ol.findings li{cursor:pointer;margin:2px 0}\
li.err b{color:#d00}li.warn b{color:#e80}li.rep b{color:#80c}li.info b{color:#27c}\
.fields tr,.findings li{cursor:pointer}#geometry{display:none}body.plain rect.box{stroke:none;fill:none}";

/// Hover a field or finding: its boxes light up; click: the first is
/// scrolled into view. Hover a box: its fields light up. `#geometry` in the
/// address writes each box's position on screen into `<pre id=geometry>`
/// and leaves the boxes undrawn, so that a screenshot shows the page image
/// alone where the boxes are, and hovers the first field to count what
/// lights up: for tests and tools that check the overlay.
const SCRIPT: &str = "\
const $=(s,e=document)=>[...e.querySelectorAll(s)];\
$('[data-b]').forEach(el=>{const ids=el.dataset.b.split(' ').filter(Boolean);\
const each=f=>ids.forEach(i=>{const b=document.getElementById(i);if(b)f(b)});\
el.addEventListener('mouseenter',()=>each(b=>b.classList.add('hl')));\
el.addEventListener('mouseleave',()=>each(b=>b.classList.remove('hl')));\
el.addEventListener('click',()=>{const b=document.getElementById(ids[0]);if(b)b.scrollIntoView({block:'center'})});});\
$('.box').forEach(b=>{const rows=()=>$('[data-b~=\"'+b.id+'\"]');\
b.addEventListener('mouseenter',()=>rows().forEach(r=>r.classList.add('hl')));\
b.addEventListener('mouseleave',()=>rows().forEach(r=>r.classList.remove('hl')));});\
const tl=document.getElementById('textlayer');if(tl)tl.addEventListener('change',e=>document.body.classList.toggle('showtext',e.target.checked));\
if(location.hash==='#geometry'){document.body.classList.add('plain');const g=document.createElement('pre');g.id='geometry';\
g.textContent=JSON.stringify({boxes:$('rect.box').map(b=>{const r=b.getBoundingClientRect();\
return{id:b.id,text:b.textContent,x0:r.left,top:r.top,x1:r.right,bottom:r.bottom}}),\
images:$('figure.page img').map(i=>{const r=i.getBoundingClientRect();return{x0:r.left,top:r.top,x1:r.right,bottom:r.bottom}}),\
linked:(()=>{const f=$('.fields tr[data-b]').find(r=>r.dataset.b);if(!f)return null;\
f.dispatchEvent(new MouseEvent('mouseenter'));const n=$('.hl').map(e=>e.id).join(' ');f.dispatchEvent(new MouseEvent('mouseleave'));\
return{row:f.dataset.b,lit:n,after:$('.hl').length}})()});\
document.body.appendChild(g);}";

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Standard base64 with padding (RFC 4648), for `data:` URLs.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_of_rfc_4648_vectors() {
        for (raw, enc) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")]
        {
            assert_eq!(base64(raw.as_bytes()), enc);
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
