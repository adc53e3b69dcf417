// bilat dashboard. Plain JavaScript and SVG, written for bilat; it reads only the public
// REST endpoints (/api/...), so the page and the API cannot disagree.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const ACTIVE = new Set(["signed", "approved", "ratified", "in_force", "renewed", "extended", "resumed"]);
const ENDED = new Set(["expired", "withdrawn", "terminated"]);
const state = { a: null, b: null, freq: "month", event: null, period: null, events: [], cameo: {} };

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function svg(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function titled(node, text) { svg("title", {}, node).textContent = text; return node; }

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ""));
  const response = await fetch(path + (query.toString() ? "?" + query : ""));
  const body = await response.json();
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
  return body;
}

function status(text) { $("#status").textContent = text || ""; }

// -- time: ISO prefixes and periods as fractional years
function yearOf(date) {
  if (!date) return null;
  const q = /^(\d{4})-Q([1-4])$/.exec(date);
  if (q) return +q[1] + (+q[2] - 0.5) / 4;
  const [y, m, d] = date.split("-").map(Number);
  if (m === undefined || Number.isNaN(m)) return y + 0.5;
  if (d === undefined || Number.isNaN(d)) return y + (m - 0.5) / 12;
  return y + (m - 1) / 12 + (d - 0.5) / 365;
}

function periodOf(date, freq) {
  if (!date) return null;
  if (date.length === 4 || freq === "year") return date.slice(0, 4);
  if (freq === "quarter") return `${date.slice(0, 4)}-Q${Math.floor((+date.slice(5, 7) - 1) / 3) + 1}`;
  return date.slice(0, 7);
}

function scaleX(domain, width, left, right) {
  const [lo, hi] = domain;
  return (x) => left + ((x - lo) / (hi - lo || 1)) * (width - left - right);
}

function domainOf(dates) {
  const years = dates.map(yearOf).filter((y) => y !== null);
  if (!years.length) return [2000, 2001];
  return [Math.floor(Math.min(...years)) - 1, Math.ceil(Math.max(...years)) + 1];
}

function yearTicks(domain, g, x, y0, y1) {
  const span = domain[1] - domain[0];
  const step = [1, 2, 5, 10, 20, 50].find((s) => span / s <= 12) || 100;
  for (let yr = Math.ceil(domain[0] / step) * step; yr <= domain[1]; yr += step) {
    svg("line", { x1: x(yr), x2: x(yr), y1: y0, y2: y1, stroke: "#eceff2" }, g);
    svg("text", { x: x(yr), y: y1 + 14, "text-anchor": "middle" }, g).textContent = yr;
  }
}

// -- the chart: bars of events by quad class, net cooperation as dots
function drawChart(data, domain) {
  const fig = $("#chart");
  fig.replaceChildren();
  const width = Math.max(fig.clientWidth || 900, 500), height = 300, left = 44, right = 16, top = 12, bottom = 26;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img",
                            "aria-label": `events between ${data.a} and ${data.b} by ${data.freq}` }, fig);
  const periods = data.periods;
  if (!periods.length) {
    svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle" }, root).textContent = "no dated events";
    return;
  }
  const x = scaleX(domain, width, left, right);
  const extent = Math.max(1, ...periods.map((p) => Math.max(p.quad["1"] + p.quad["2"], p.quad["3"] + p.quad["4"])));
  const mid = top + (height - top - bottom) / 2, half = (height - top - bottom) / 2 - 4;
  const y = (n) => mid - (n / extent) * half;
  const axis = svg("g", { class: "axis" }, root);
  yearTicks(domain, axis, x, top, height - bottom);
  svg("line", { class: "zero", x1: left, x2: width - right, y1: mid, y2: mid }, root);
  for (const n of [extent, -extent]) {
    svg("text", { x: left - 6, y: y(n) + 4, "text-anchor": "end" }, root).textContent = Math.abs(n);
  }
  const unit = { month: 1 / 12, quarter: 1 / 4, year: 1 }[data.freq];
  const bars = svg("g", { class: "bars" }, root);
  for (const p of periods) {
    const span = p.precision === "year" ? 1 : unit;
    const w = Math.max(5, (x(domain[0] + span) - x(domain[0])) * 0.8);
    const cx = x(yearOf(p.period));
    const g = svg("g", { class: "period", "data-period": p.period }, bars);
    let up = 0, down = 0;
    for (const q of ["2", "1", "3", "4"]) {
      const n = p.quad[q];
      if (!n) continue;
      const cls = `bar q${q}` + (p.precision === "year" ? " year-only" : "");
      const [from, to] = q <= "2" ? [up, up += n] : [-down, -(down += n)];
      titled(svg("rect", { class: cls, x: cx - w / 2, width: w, y: Math.min(y(from), y(to)),
                           height: Math.abs(y(from) - y(to)) }, g), `${p.period}: ${n} event(s) of quad class ${q}`);
    }
  }
  const path = periods.map((p, i) => `${i ? "L" : "M"}${x(yearOf(p.period)).toFixed(1)},${y(p.net_cooperation).toFixed(1)}`);
  svg("path", { class: "netline", d: path.join(" ") }, root);
  for (const p of periods) {
    const dot = svg("circle", { class: "point" + (state.period === p.period ? " selected" : ""), r: 5,
                                cx: x(yearOf(p.period)), cy: y(p.net_cooperation), "data-period": p.period,
                                tabindex: 0 }, root);
    titled(dot, `${p.period}: ${p.events} event(s), net cooperation ${p.net_cooperation}, ` +
                `mean Goldstein ${p.goldstein_mean}`);
    const pick = () => { state.period = state.period === p.period ? null : p.period; renderEvents(); drawChart(data, domain); };
    dot.addEventListener("click", pick);
    dot.addEventListener("keydown", (e) => { if (e.key === "Enter") pick(); });
  }
}

// -- agreements as lifecycle bars on the chart's time axis
function drawAgreements(rows, domain) {
  const fig = $("#agreements");
  fig.replaceChildren();
  if (!rows.length) { fig.append(el("p", { class: "hint" }, "No agreement between them in the store.")); return; }
  const width = Math.max(fig.clientWidth || 900, 500), left = 44, right = 16, rowH = 46;
  const x = scaleX(domain, width, left, right);
  for (const r of rows) {
    const dated = r.history.filter((s) => s.date);
    const root = svg("svg", { viewBox: `0 0 ${width} ${rowH}`, width: "100%", class: "agreement", "data-name": r.name }, null);
    const label = `${r.name}${r.full_name && r.full_name !== r.name ? " (" + r.full_name + ")" : ""}: ${r.kind}; ` +
                  `parties ${r.parties.join(", ")}; ${r.status || "no dated step"} on ${r.on}`;
    svg("text", { class: "agreement-name", x: left, y: 12 }, root).textContent = label;
    dated.forEach((s, i) => {
      const next = dated[i + 1];
      const from = x(yearOf(s.date)), to = next ? x(yearOf(next.date)) : (ENDED.has(s.status) ? from : x(domain[1]));
      const kind = ACTIVE.has(s.status) ? "active" : s.status === "suspended" ? "suspended" : ENDED.has(s.status) ? null : "pending";
      if (kind && to > from) svg("rect", { class: `seg ${kind}`, x: from, y: 20, width: to - from, height: 8 }, root);
    });
    for (const s of dated) {
      const g = svg("g", { class: "step", "data-status": s.status, "data-date": s.date }, root);
      svg("circle", { cx: x(yearOf(s.date)), cy: 24, r: 5 }, g);
      svg("text", { x: x(yearOf(s.date)), y: 42, "text-anchor": "middle" }, g).textContent = `${s.status.replace("_", " ")} ${s.date}`;
      titled(g, `${s.status}${s.actor ? " by " + s.actor : ""} ${s.date}${s.implied ? " (implied)" : ""}: ` +
                `“${s.tellings[0].sentence}”`);
    }
    fig.append(root);
    const undated = r.history.filter((s) => !s.date);
    if (undated.length) {
      fig.append(el("p", { class: "undated-steps" },
        `${r.name}, undated: ` + undated.map((s) => s.status.replace("_", " ") + (s.actor ? " by " + s.actor : "")).join(", ")));
    }
  }
}

// -- the event list and the article beside it
function renderEvents() {
  const body = $("#events tbody");
  body.replaceChildren();
  const shown = state.period ? state.events.filter((e) => periodOf(e.event_date, state.freq) === state.period) : state.events;
  const filter = $("#events-filter");
  filter.replaceChildren();
  if (state.period) {
    const all = el("button", { type: "button" }, "show all");
    all.addEventListener("click", () => { state.period = null; renderEvents(); refreshChart(); });
    filter.append(`in ${state.period} (${shown.length}) `, all);
  } else {
    filter.append(`(${shown.length})`);
  }
  for (const e of shown) {
    const name = (state.cameo[e.cameo] || {}).name || "";
    const via = [e.source, e.target].find((c) => c !== state.a && c !== state.b);
    const who = `${e.source} → ${e.target}` + (via ? ` (via ${via})` : "");
    const tone = el("td", { class: "tone " + (e.goldstein > 0 ? "pos" : e.goldstein < 0 ? "neg" : "") },
                    (e.goldstein > 0 ? "+" : "") + e.goldstein.toFixed(1));
    const what = el("td", {}, el("strong", {}, e.cameo), " " + name, el("div", { class: "sentence" }, e.sentence));
    const sources = el("td", {}, `${e.sources} · ${e.outlet || e.doc_id}`);
    const row = el("tr", { class: "event" + (state.event === e.event_id ? " selected" : ""), tabindex: 0,
                           "data-id": e.event_id, "data-date": e.event_date || "" },
                   el("td", {}, e.event_date || "undated"), el("td", {}, who), what, tone, sources);
    row.addEventListener("click", () => openEvent(e, true));
    row.addEventListener("keydown", (k) => { if (k.key === "Enter") openEvent(e, true); });
    body.append(row);
  }
}

async function openEvent(e, push) {
  state.event = e.event_id;
  document.querySelectorAll("tr.event").forEach((r) => r.classList.toggle("selected", r.dataset.id === e.event_id));
  if (push) writeAddress(true);
  let doc;
  try { doc = await api(`/api/documents/${encodeURIComponent(e.doc_id)}`); } catch (err) { status(err.message); return; }
  const [start, end] = e.span;
  $("#article-title").textContent = doc.title || doc.doc_id;
  const meta = $("#article-meta");
  meta.replaceChildren(`${doc.outlet || doc.doc_id} · published ${doc.published || "date unknown"} · `);
  if (doc.url) meta.append(el("a", { href: doc.url, rel: "noopener" }, "original"), " · ");
  meta.append(`told by ${e.sources} document${e.sources === 1 ? "" : "s"}`);
  const mark = el("mark", { id: "highlight" }, doc.text.slice(start, end));
  $("#article-text").replaceChildren(doc.text.slice(0, start), mark, doc.text.slice(end));
  $("#article").hidden = false;
  mark.scrollIntoView({ block: "center" });
}

// -- a country's partners as a network
function drawNetwork(code, names, rows) {
  const fig = $("#network");
  fig.replaceChildren();
  $("#partners-title").textContent = `${names[code] || code}: most active partners`;
  const width = 560, height = 420, cx = width / 2, cy = height / 2, radius = 160;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", class: "network" }, fig);
  if (!rows.length) { svg("text", { x: cx, y: cy, "text-anchor": "middle" }, root).textContent = "no partners"; return; }
  const most = Math.max(...rows.map((r) => r.events));
  const tone = (g) => (g > 0.5 ? "#2e8b57" : g < -0.5 ? "#c0392b" : "#8a939c");
  rows.forEach((r, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / rows.length;
    const px = cx + radius * Math.cos(angle), py = cy + radius * Math.sin(angle);
    titled(svg("line", { class: "edge", x1: cx, y1: cy, x2: px, y2: py, stroke: tone(r.goldstein_mean),
                         "stroke-width": 1.5 + 9 * (r.events / most) }, root),
           `${r.a}–${r.b}: ${r.events} events, mean Goldstein ${r.goldstein_mean}`);
    const g = svg("g", { class: "partner", "data-code": r.b, tabindex: 0 }, root);
    svg("circle", { cx: px, cy: py, r: 22 }, g);
    svg("text", { x: px, y: py + 4, "text-anchor": "middle" }, g).textContent = r.b;
    titled(g, `${r.b}: ${r.events} events (${r.cooperative} cooperative, ${r.conflictual} conflictual), ` +
              `${r.first || "?"} to ${r.last || "?"}. Click to open the pair.`);
    const go = () => navigate({ a: code, b: r.b });
    g.addEventListener("click", go);
    g.addEventListener("keydown", (e) => { if (e.key === "Enter") go(); });
  });
  const centre = svg("g", { class: "centre" }, root);
  svg("circle", { cx, cy, r: 28 }, centre);
  svg("text", { x: cx, y: cy + 4, "text-anchor": "middle" }, centre).textContent = code;
}

// -- views and the address bar
let chartData = null, chartDomain = null;
function refreshChart() { if (chartData) drawChart(chartData, chartDomain); }

async function showPair() {
  const [timeline, agreements, events] = await Promise.all([
    api(`/api/dyads/${encodeURIComponent(state.a)}/${encodeURIComponent(state.b)}/timeline`, { freq: state.freq }),
    api("/api/agreements", { a: state.a, b: state.b }),
    api("/api/events", { dyad: `${state.a}-${state.b}`, blocs: true, limit: 1000 }),
  ]);
  state.a = timeline.a; state.b = timeline.b;
  $("#a").value = state.a; $("#b").value = state.b;
  $("#pair-title").textContent = `${timeline.names[state.a]} – ${timeline.names[state.b]}` +
    ` (${events.total} events, ${timeline.undated} undated)`;
  document.title = `bilat: ${state.a}–${state.b}`;
  const stepDates = agreements.agreements.flatMap((r) => r.history.map((s) => s.date));
  chartDomain = domainOf(timeline.periods.map((p) => p.period).concat(stepDates));
  chartData = timeline;
  state.events = events.events;
  $("#pair").hidden = false;
  drawChart(timeline, chartDomain);
  drawAgreements(agreements.agreements, chartDomain);
  renderEvents();
  const chosen = state.events.find((e) => e.event_id === state.event);
  if (chosen) openEvent(chosen, false); else $("#article").hidden = true;
}

async function showPartners(code) {
  const data = await api("/api/dyads", { actor: code, limit: 12 });
  const names = Object.fromEntries([...document.querySelectorAll("#actors option")].map((o) => [o.value, o.label]));
  drawNetwork(data.actor, names, data.dyads);
  $("#partners").hidden = false;
}

async function showTop() {
  const data = await api("/api/dyads", { limit: 20 });
  const list = $("#top-list");
  list.replaceChildren(...data.dyads.map((d) => el("li", {},
    el("a", { href: `/?a=${d.a}&b=${d.b}` }, `${d.a} – ${d.b}`), ` ${d.events} events, mean Goldstein ${d.goldstein_mean}`)));
  $("#top").hidden = false;
}

function readAddress() {
  const q = new URLSearchParams(location.search);
  state.a = q.get("a"); state.b = q.get("b"); state.event = q.get("event");
  state.freq = ["month", "quarter", "year"].includes(q.get("freq")) ? q.get("freq") : "month";
  state.period = null;
}

function writeAddress(push) {
  const q = new URLSearchParams();
  if (state.a) q.set("a", state.a);
  if (state.b) q.set("b", state.b);
  if (state.freq !== "month") q.set("freq", state.freq);
  if (state.event) q.set("event", state.event);
  const url = "/" + (q.toString() ? "?" + q : "");
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
}

function navigate(next) {
  Object.assign(state, { a: null, b: null, event: null, period: null }, next);
  writeAddress(true);
  render();
}

async function render() {
  status("");
  $("#a").value = state.a || ""; $("#b").value = state.b || ""; $("#freq").value = state.freq;
  for (const id of ["#pair", "#partners", "#top"]) $(id).hidden = true;
  try {
    if (state.a && state.b) {
      await showPair();
      writeAddress(false);  // codes as the server resolved them ("Pakistan" → PAK)
      await showPartners(state.a);
    } else if (state.a) {
      await showPartners(state.a);
    } else {
      await showTop();
    }
  } catch (err) {
    status(err.message);
  }
}

async function start() {
  try {
    const [actors, cameo] = await Promise.all([api("/api/actors"), api("/api/cameo")]);
    state.cameo = cameo.codes;
    $("#actors").replaceChildren(...actors.actors.map((a) => el("option", { value: a.code, label: a.name })));
  } catch (err) { status(err.message); }
  $("#pick").addEventListener("submit", (e) => {
    e.preventDefault();
    navigate({ a: $("#a").value.trim() || null, b: $("#b").value.trim() || null, freq: $("#freq").value });
  });
  $("#freq").addEventListener("change", () => { if (state.a && state.b) navigate({ a: state.a, b: state.b, freq: $("#freq").value }); });
  window.addEventListener("popstate", () => { readAddress(); render(); });
  readAddress();
  await render();
  document.body.dataset.ready = "true";
}

start();
