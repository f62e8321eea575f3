/// The site's colours, style sheet and script, written into every page (nothing is fetched, so a
/// page opens the same from the disk, a web server or an intranet without the internet).
public enum SiteStyle {
    /// A colour of the palette, as `#rrggbb`.
    public typealias Colour = String

    /// Every pair of text and background colours the style sheet uses, named, so that a test can
    /// compute each contrast ratio (WCAG 2.1 AA: at least 4,5 : 1 for text).
    public static let textPairs: [(name: String, text: Colour, background: Colour)] = [
        ("body", ink, paper), ("muted", muted, paper), ("link", link, paper), ("header", paper, banner),
        ("header link", bannerLink, banner), ("table head", ink, stripe),
        ("exceeded", exceededInk, exceededTint), ("met", metInk, metTint), ("not met", notMetInk, notMetTint),
        ("no data", ink, noDataTint), ("running", runningInk, runningTint),
        ("chart tick", muted, paper), ("chart target label", targetLine, paper),
    ]

    /// Colours drawn as shapes beside white (the status bar's parts, chart lines and bars): WCAG
    /// 2.1 asks 3 : 1 for such graphics.
    public static let graphicColours: [(name: String, colour: Colour)] = [
        ("exceeded", exceededBar), ("met", metBar), ("not met", notMetBar), ("no data", noDataBar), ("running", runningBar),
        ("series", series), ("target line", targetLine), ("projection", projection), ("context bar", contextBar),
    ]

    static let ink = "#1f2328", paper = "#ffffff", muted = "#4b5563", link = "#0b57d0", stripe = "#eef2f6"
    static let banner = "#0f3d6e", bannerLink = "#ffffff"
    static let exceededInk = "#0a4d27", exceededTint = "#dcf2e4", exceededBar = "#0b6e3a"
    static let metInk = "#14532d", metTint = "#ecf8f0", metBar = "#2f8f55"
    static let notMetInk = "#8a1c12", notMetTint = "#fdeceb", notMetBar = "#c0362c"
    static let noDataTint = "#f1f3f5", noDataBar = "#6b7280"
    static let runningInk = "#6b3500", runningTint = "#fff2dc", runningBar = "#b35c00"
    static let series = "#0b57d0", targetLine = "#b42318", projection = "#7a4a00", contextBar = "#6b7280"

    static let css = """
    *{box-sizing:border-box}
    html{font-family:"Noto Sans","DejaVu Sans","Liberation Sans",Arial,sans-serif;color:\(ink);background:\(paper);line-height:1.5}
    body{margin:0}
    a{color:\(link)}
    .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:\(paper);padding:4px 8px;z-index:2}
    header{background:\(banner);color:\(paper);padding:12px 24px}
    header a{color:\(bannerLink)}
    header .site{font-weight:700;font-size:1.1rem;margin:0 0 4px}
    header nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 18px}
    header nav li.lang{margin-left:auto;font-weight:600}
    main{max-width:1100px;margin:0 auto;padding:16px 24px 32px}
    footer{max-width:1100px;margin:0 auto;padding:12px 24px 24px;color:\(muted);font-size:.9rem;border-top:1px solid #d0d7de}
    h1{font-size:1.6rem;line-height:1.25;margin:.6em 0 .3em}
    h2{font-size:1.3rem;margin:1.6em 0 .5em;border-bottom:2px solid \(stripe);padding-bottom:4px}
    h3{font-size:1.1rem;margin:1.2em 0 .4em}
    .muted{color:\(muted)}
    .headline{font-size:1.1rem;font-weight:600}
    .bar{display:flex;height:14px;border-radius:3px;overflow:hidden;background:\(noDataTint);max-width:420px;margin:6px 0}
    .bar span{display:block;height:100%}
    .s-exceeded{background:\(exceededBar)}.s-met{background:\(metBar)}.s-notMet{background:\(notMetBar)}.s-noData{background:\(noDataBar)}.s-running{background:\(runningBar)}.s-undetermined{background:\(noDataBar)}
    .legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.9rem;margin:0;padding:0;list-style:none}
    .legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
    .table-wrap{overflow-x:auto;margin:8px 0}
    table{border-collapse:collapse;width:100%;font-size:.95rem}
    table.targets,table.sortable{min-width:600px}
    caption{text-align:left;font-weight:600;padding:4px 0}
    th,td{border:1px solid #d0d7de;padding:6px 8px;vertical-align:top;text-align:left}
    thead th{background:\(stripe)}
    td.num,th.num{text-align:right;white-space:nowrap}
    tr.detail td{font-size:.9rem;border-top:none}
    tr.detail td:first-child{border-top:none}
    .quote{font-style:italic}
    .cite{color:\(muted);font-size:.85rem}
    .v{padding:1px 6px;border-radius:3px;white-space:nowrap}
    .v-exceeded{color:\(exceededInk);background:\(exceededTint)}.v-met{color:\(metInk);background:\(metTint)}
    .v-notMet{color:\(notMetInk);background:\(notMetTint)}.v-noData,.v-undetermined{color:\(ink);background:\(noDataTint)}.v-running{color:\(runningInk);background:\(runningTint)}
    th button{font:inherit;font-weight:700;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
    th button:focus-visible,a:focus-visible,summary:focus-visible{outline:3px solid \(link);outline-offset:2px}
    th button::after{content:" ↕";color:\(muted)}
    th[aria-sort=ascending] button::after{content:" ↑"}th[aria-sort=descending] button::after{content:" ↓"}
    .target-block{border-top:1px solid #d0d7de;padding-top:4px}
    details{margin:6px 0 10px}
    summary{cursor:pointer;color:\(link)}
    details ul{margin:6px 0;padding-left:20px}
    .chart-row{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;align-items:start}
    @media (max-width:760px){.chart-row{grid-template-columns:1fr}main{padding:12px}header{padding:10px 12px}}
    svg.chart{width:100%;height:auto;max-width:640px;font-family:inherit}
    svg.bars{max-width:560px}
    svg.bars .label,svg.bars .value{font-size:14px}
    details.lineage{margin:2px 0 0;font-size:.85rem}
    details.lineage ul{padding-left:16px}
    svg .grid{stroke:#d0d7de;stroke-width:1}
    svg .axis{stroke:\(ink);stroke-width:1.2}
    svg .tick{fill:\(muted);font-size:12px}
    svg .label{fill:\(ink);font-size:13px}
    svg .value{fill:\(ink);font-size:13px;font-weight:600}
    svg .target{stroke:\(targetLine);stroke-width:2;stroke-dasharray:8 5}
    svg .target-label{fill:\(targetLine);font-weight:600}
    svg .series{fill:none;stroke:\(series);stroke-width:2.5}
    svg .point{fill:\(series)}
    svg .projection{stroke:\(projection);stroke-width:2;stroke-dasharray:3 4}
    svg .projected{fill:\(paper);stroke:\(projection);stroke-width:2}
    svg .bar{fill:\(series)}svg .bar.context{fill:\(contextBar)}
    .bodies{list-style:none;padding:0}
    .bodies>li{border:1px solid #d0d7de;border-radius:6px;padding:10px 14px;margin:10px 0}
    .terms{margin:4px 0 0;padding-left:18px}
    @media print{
      @page{size:A4;margin:16mm 14mm}
      html{font-size:10.5pt}
      header,nav,footer .lang,.skip,.noprint{display:none}
      main{max-width:none;padding:0}
      a{color:\(ink);text-decoration:none}
      details>summary{list-style:none;color:\(ink);font-weight:600}
      .table-wrap{overflow:visible}
      table{font-size:9pt}
      table.targets,table.sortable{min-width:0}
      tr,figure,.chart-row,svg{break-inside:avoid}
      h2,h3{break-after:avoid}
      .chart-row{grid-template-columns:3fr 2fr}
      .v{background:none!important;padding:0}
      th button::after{content:""}
    }
    """

    /// Opens every `<details>` before printing (Cách tính is on demand on the screen, all of it on
    /// paper), and sorts a table by the column whose header button is pressed (a button, so the
    /// keyboard works: Tab, then Enter or Space). Without the script the pages read the same.
    static let script = """
    (function(){
    window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});});
    function key(td){var v=td.getAttribute('data-sort');return v===null?td.textContent.trim():v;}
    function sortBy(table,th){
      var row=th.parentNode,index=Array.prototype.indexOf.call(row.children,th);
      var asc=th.getAttribute('aria-sort')!=='ascending';
      row.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){
        var x=key(a.cells[index]),y=key(b.cells[index]);
        if(x===''&&y!=='')return 1;if(y===''&&x!=='')return -1;
        var num=/^-?[0-9]+(\\.[0-9]+)?$/,r;
        if(num.test(x)&&num.test(y)){r=parseFloat(x)-parseFloat(y);}else{r=x.localeCompare(y,document.documentElement.lang);}
        return asc?r:-r;
      });
      rows.forEach(function(r){body.appendChild(r);});
    }
    document.querySelectorAll('table.sortable th button').forEach(function(b){
      b.addEventListener('click',function(){sortBy(b.closest('table'),b.closest('th'));});
    });
    })();
    """
}
