"""The dyad brief as one page: Markdown or self-contained HTML (inline SVG chart, no scripts).

Everything here formats what :meth:`bilat.query.Store.brief` returned; nothing queries.
"""
from __future__ import annotations

from datetime import date
from html import escape

from bilat.ontology import cameo_table


def _code_name(code: str) -> str:
    entry = cameo_table().get(code)
    return entry.name if entry else ""


def _who(event: dict) -> str:
    via = f" (via {event['via']})" if event.get("via") else ""
    return f"{event['source']} → {event['target']}{via}"


def _state_line(agreement: dict) -> str:
    steps = ", ".join(f"{s['status'].replace('_', ' ')} {s['date'] or '(undated)'}"
                      + (f" by {s['actor']}" if s["actor"] else "") for s in agreement["history"])
    return f"{agreement['status'] or 'no dated step'} on {agreement['on']}; {steps}"


def _heading(brief: dict) -> str:
    names = brief["names"]
    since = f" since {brief['since']}" if brief["since"] else ""
    return f"{names[brief['a']]} – {names[brief['b']]}{since}"


def _totals(brief: dict) -> str:
    n = sum(p["events"] for p in brief["trend"])
    coop = sum(p["quad"]["1"] + p["quad"]["2"] for p in brief["trend"])
    return (f"{n} dated events ({coop} cooperative, {n - coop} conflictual), {brief['undated']} more undated; "
            f"{len(brief['agreements'])} agreements; {len(brief['sources'])} documents cited")


def render_markdown(brief: dict) -> str:
    """The brief as Markdown: trajectory table, key events with quotes, agreements, sources."""
    lines = [f"# {_heading(brief)}", "",
             f"bilat dyad brief, {date.today().isoformat()}: {_totals(brief)}.", "", "## Trajectory", ""]
    if brief["trend"]:
        lines += ["| year | cooperative | conflictual | net | mean Goldstein | |", "|---|---|---|---|---|---|"]
        for p in brief["trend"]:
            coop, conf = p["quad"]["1"] + p["quad"]["2"], p["quad"]["3"] + p["quad"]["4"]
            bar = "+" * max(p["net_cooperation"], 0) or "−" * max(-p["net_cooperation"], 0) or "·"
            lines.append(f"| {p['period']} | {coop} | {conf} | {p['net_cooperation']:+d} | {p['goldstein_mean']:+.1f} | `{bar}` |")
    else:
        lines.append("No dated events.")
    lines += ["", "## Key events", ""]
    for period in brief["periods"]:
        lines.append(f"### {period['period']}")
        lines.append("")
        for e in period["events"]:
            refs = ", ".join(str(r) for r in e["refs"])
            lines.append(f"- **{e['event_date']}** {_who(e)}: {e['cameo']} {_code_name(e['cameo'])} "
                         f"(Goldstein {e['goldstein']:+.1f}) [{refs}]")
            lines.append(f"  > {' '.join(e['sentence'].split())}")
        if period["more"]:
            lines.append(f"- … and {period['more']} more that year (`bilat timeline {brief['a']} {brief['b']}`)")
        lines.append("")
    lines += ["## Agreements", ""]
    for r in brief["agreements"] or []:
        full = f" ({r['full_name']})" if r["full_name"] and r["full_name"] != r["name"] else ""
        lines.append(f"- **{r['name']}**{full}, {r['kind']}, parties {', '.join(r['parties'])}: {_state_line(r)}")
    if not brief["agreements"]:
        lines.append("None found.")
    lines += ["", "## Sources", ""]
    for s in brief["sources"]:
        where = ", ".join(x for x in (s["outlet"], s["published"]) if x)
        url = f" <{s['url']}>" if s["url"] else ""
        lines.append(f"{s['ref']}. {s['title'] or s['doc_id']}{' — ' + where if where else ''} "
                     f"(`{s['doc_id']}`){url}")
    return "\n".join(lines) + "\n"


def _chart_svg(trend: list[dict], width: int = 720, height: int = 220) -> str:
    """Bars of cooperative (up) and conflictual (down) events per year, net cooperation dots."""
    if not trend:
        return "<p>No dated events.</p>"
    years = [int(p["period"]) for p in trend]
    lo, hi = min(years) - 1, max(years) + 1
    left, right, top, bottom = 36, 12, 10, 24
    x = lambda yr: left + (yr + 0.5 - lo) / (hi - lo + 1) * (width - left - right)  # noqa: E731
    extent = max(1, *(max(p["quad"]["1"] + p["quad"]["2"], p["quad"]["3"] + p["quad"]["4"]) for p in trend))
    mid = top + (height - top - bottom) / 2
    half = (height - top - bottom) / 2 - 4
    y = lambda n: mid - n / extent * half  # noqa: E731
    bar = max(4.0, (width - left - right) / (hi - lo + 1) * 0.6)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="events by year">',
             f'<line x1="{left}" x2="{width - right}" y1="{mid}" y2="{mid}" stroke="#555"/>']
    step = next((s for s in (1, 2, 5, 10, 20) if (hi - lo) / s <= 12), 50)
    for yr in range((lo // step + 1) * step, hi + 1, step):
        parts.append(f'<text x="{x(yr):.1f}" y="{height - 6}" font-size="10" text-anchor="middle" fill="#666">{yr}</text>')
    colours = {"1": "#8fd19e", "2": "#2e8b57", "3": "#f4b183", "4": "#c0392b"}
    points = []
    for p in trend:
        cx = x(int(p["period"]))
        up = down = 0
        for q in ("2", "1", "3", "4"):
            n = p["quad"][q]
            if not n:
                continue
            start, end = (up, up + n) if q in "12" else (-down, -(down + n))
            if q in "12":
                up += n
            else:
                down += n
            parts.append(f'<rect x="{cx - bar / 2:.1f}" width="{bar:.1f}" y="{min(y(start), y(end)):.1f}" '
                         f'height="{abs(y(start) - y(end)):.1f}" fill="{colours[q]}"><title>{p["period"]}: {n} '
                         f'event(s), quad class {q}</title></rect>')
        points.append((cx, y(p["net_cooperation"]), p))
    parts.append('<polyline fill="none" stroke="#1f3b73" stroke-width="1.5" points="'
                 + " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in points) + '"/>')
    for px, py, p in points:
        parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="#1f3b73"><title>{p["period"]}: net '
                     f'cooperation {p["net_cooperation"]:+d}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


_CSS = """body{font:15px/1.5 Georgia,serif;color:#1d232b;max-width:780px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;border-bottom:1px solid #ddd;margin-top:1.6rem}
h3{font-size:1rem;margin:1rem 0 .3rem}.meta{color:#66707a}blockquote{margin:.2rem 0 .6rem 1rem;color:#444;
border-left:3px solid #e5c07b;padding-left:.6rem}.event{margin:.5rem 0 0}.legend{color:#66707a;font-size:.85rem}
ol.sources li{margin:.2rem 0}code{font-size:.85em}"""


def render_html(brief: dict) -> str:
    """The brief as one self-contained HTML page: inline CSS and SVG, no scripts, no fetches."""
    h = escape
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{h(_heading(brief))}</title><style>{_CSS}</style></head><body>",
           f"<h1>{h(_heading(brief))}</h1>",
           f'<p class="meta">bilat dyad brief, {date.today().isoformat()}: {h(_totals(brief))}.</p>',
           "<h2>Trajectory</h2>", _chart_svg(brief["trend"]),
           '<p class="legend">Bars: events per year, cooperative above the line (light: verbal, dark: material), '
           "conflictual below (light: verbal, dark: material); dots: net cooperation.</p>",
           "<h2>Key events</h2>"]
    for period in brief["periods"]:
        out.append(f"<h3>{h(period['period'])}</h3>")
        for e in period["events"]:
            refs = ", ".join(f'<a href="#source-{r}">{r}</a>' for r in e["refs"])
            out.append(f'<p class="event"><strong>{h(e["event_date"])}</strong> {h(_who(e))}: {h(e["cameo"])} '
                       f'{h(_code_name(e["cameo"]))} (Goldstein {e["goldstein"]:+.1f}) [{refs}]</p>')
            out.append(f"<blockquote>{h(' '.join(e['sentence'].split()))}</blockquote>")
        if period["more"]:
            out.append(f'<p class="meta">… and {period["more"]} more that year.</p>')
    out.append("<h2>Agreements</h2>")
    if brief["agreements"]:
        out.append("<ul>")
        for r in brief["agreements"]:
            full = f" ({h(r['full_name'])})" if r["full_name"] and r["full_name"] != r["name"] else ""
            out.append(f"<li><strong>{h(r['name'])}</strong>{full}, {h(r['kind'])}, parties "
                       f"{h(', '.join(r['parties']))}: {h(_state_line(r))}</li>")
        out.append("</ul>")
    else:
        out.append("<p>None found.</p>")
    out.append('<h2>Sources</h2><ol class="sources">')
    for s in brief["sources"]:
        where = ", ".join(x for x in (s["outlet"], s["published"]) if x)
        link = f' <a href="{h(s["url"])}">{h(s["url"])}</a>' if s["url"] else ""
        out.append(f'<li id="source-{s["ref"]}">{h(s["title"] or s["doc_id"])}'
                   f'{" — " + h(where) if where else ""} (<code>{h(s["doc_id"])}</code>){link}</li>')
    out.append("</ol></body></html>")
    return "\n".join(out) + "\n"
