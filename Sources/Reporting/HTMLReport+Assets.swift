/// The HTML report's inline style and script. No external fonts, images or scripts: the page
/// works offline and under a strict Content-Security-Policy.
enum HTMLAssets {
    static let css = """
    body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1400px;padding:1rem 2rem;color:#1f2328}
    h1{margin:.2rem 0}h2{margin:1.6rem 0 .5rem;font-size:1.2rem}h3{margin:1rem 0 .4rem;font-size:1.05rem}
    .meta{color:#59636e}.verdict{font-weight:600;padding:.5rem .8rem;border-radius:6px;display:inline-block}
    .good{background:#dafbe1}.bad{background:#ffebe9}.warn{background:#fff8c5}
    .cards{display:flex;gap:.6rem;margin:.6rem 0}.card{border:1px solid #d1d9e0;border-radius:6px;padding:.4rem .9rem;text-align:center}
    .card b{display:block;font-size:1.4rem}.card span{color:#59636e}
    table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}th,td{border-bottom:1px solid #d1d9e0;padding:.35rem .5rem;text-align:left;vertical-align:top}
    th{background:#f6f8fa;position:sticky;top:0}table.findings th{cursor:pointer;user-select:none}
    th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}td.num{text-align:right}
    .pill,.st,.party,.cov{border-radius:10px;padding:0 .5rem;font-size:.85em;white-space:nowrap}
    .sev-critical{background:#ffcecb}.sev-high{background:#ffdfb6}.sev-medium{background:#fff2a8}.sev-low{background:#ddf4ff}.sev-info{background:#eef1f4}
    .st-fail,.st-error{background:#ffebe9}.st-waived{background:#eef1f4}.st-pass{background:#dafbe1}.st-not_assessed{background:#fff8c5}
    .party-customer{background:#ddf4ff}.party-shared{background:#fbefff}.party-provider{background:#eef1f4}
    .cov-assessed,.cov-active{background:#dafbe1}.cov-not-assessed,.cov-stale{background:#fff8c5}.cov-gap,.cov-expired{background:#ffebe9}.cov-provider{background:#eef1f4}
    .kind,.note{color:#59636e;font-size:.85em}.filters{position:sticky;top:0;background:#fff;padding:.5rem 0;display:flex;gap:.5rem;align-items:center;z-index:1}
    .filters input{flex:1;padding:.3rem}.hidden{display:none}
    """

    /// Sorting: a click on a findings header sorts that table by the column (`data-sort` when a
    /// cell has it, else its text; numbers compare as numbers). Filtering: text, severity and
    /// result apply to every table; a domain whose rows are all hidden is hidden too.
    static let script = """
    (function(){
    function key(row,i){var c=row.cells[i];var v=c.getAttribute('data-sort');return v!==null?v:c.textContent.trim().toLowerCase();}
    document.querySelectorAll('table.findings').forEach(function(t){
      t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
        var asc=!th.classList.contains('asc');t.querySelectorAll('th').forEach(function(h){h.classList.remove('asc','desc');});
        th.classList.add(asc?'asc':'desc');var body=t.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){var x=key(a,i),y=key(b,i);var nx=parseFloat(x),ny=parseFloat(y);
          var r=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x<y?-1:x>y?1:0;return asc?r:-r;});
        rows.forEach(function(r){body.appendChild(r);});});});});
    var q=document.getElementById('q'),sev=document.getElementById('sev'),st=document.getElementById('st'),shown=document.getElementById('shown');
    function apply(){var text=q.value.trim().toLowerCase(),n=0,total=0;
      document.querySelectorAll('section.group').forEach(function(g){var visible=0;
        g.querySelectorAll('tbody tr').forEach(function(r){total++;
          var ok=(!sev.value||r.getAttribute('data-sev')===sev.value)&&(!st.value||r.getAttribute('data-st')===st.value)&&(!text||r.textContent.toLowerCase().indexOf(text)>=0);
          r.classList.toggle('hidden',!ok);if(ok){visible++;n++;}});
        g.classList.toggle('hidden',visible===0);});
      shown.textContent=n+' of '+total+' shown';}
    [q,sev,st].forEach(function(e){e.addEventListener('input',apply);e.addEventListener('change',apply);});apply();
    })();
    """
}
