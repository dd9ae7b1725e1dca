// app.js - the page of 'dyad serve': filters, a timeline (uPlot), the
// dyad graph (cytoscape.js), the event list and the article view. Plain
// script, no build step; everything it shows comes from the JSON API
// (docs/api.md) of the server that served it.
"use strict";

const FILTERS = ["q", "actor", "country", "dyad", "code", "since", "until", "source", "lang"];
const QUAD_COLOURS = { 1: "#2a9d8f", 2: "#2f6fb3", 3: "#e9a03b", 4: "#d1495b" };
const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const PAGE = 50;

const state = { next: null, chart: null, graph: null, selected: null, stats: null };

function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c == null ? "" : String(c)));
  return e;
}

function status(text, isError) {
  $("status").textContent = text;
  $("status").classList.toggle("error", !!isError);
}

// The filter as query parameters, from the form.
function filterParams() {
  const p = new URLSearchParams();
  for (const name of FILTERS) {
    const v = $("f-" + name).value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

async function api(path, params) {
  const url = params && [...params].length ? path + "?" + params : path;
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// ---- event list ----

function side(p) {
  return (p.actor || p.country || "-") + (p.name ? " (" + p.name + ")" : "");
}

function eventRow(ev) {
  const tr = el("tr", {},
    el("td", { class: "quad" + ev.quad }, ev.date || (ev.published || "").slice(0, 10)),
    el("td", { title: "QuadClass " + ev.quad + ": " + QUAD_NAMES[ev.quad] }, ev.code),
    el("td", {}, side(ev.source)),
    el("td", {}, side(ev.target)),
    el("td", {}, ev.text));
  tr.addEventListener("click", () => openArticle(ev, tr));
  return tr;
}

async function loadEvents(append) {
  const p = filterParams();
  p.set("limit", PAGE);
  if (append && state.next) p.set("cursor", state.next);
  const body = await api("/api/events", p);
  const tbody = $("events").tBodies[0];
  if (!append) tbody.replaceChildren();
  for (const ev of body.events) tbody.append(eventRow(ev));
  state.next = body.next;
  $("more").hidden = !body.next;
  $("count").textContent = tbody.rows.length + (body.next ? "+" : "") + " shown";
}

// ---- article view ----

// The text cut into pieces at every span boundary. Spans are byte offsets
// into the UTF-8 text; the pieces are decoded separately, so no UTF-16
// index is ever computed from a byte offset.
function highlighted(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const clamp = (x) => Math.max(0, Math.min(bytes.length, x));
  const cuts = new Set([0, bytes.length]);
  for (const s of spans) { cuts.add(clamp(s.start)); cuts.add(clamp(s.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = dec.decode(bytes.subarray(a, b));
    const on = spans.filter((s) => s.start <= a && s.end >= b && s.end > s.start);
    if (!on.length) { out.append(piece); continue; }
    const span = el("span", { class: on.map((s) => s.cls).join(" ") }, piece);
    const title = on.map((s) => s.title).filter(Boolean).join("; ");
    if (title) span.title = title;
    out.append(span);
  }
  return out;
}

async function openArticle(ev, tr) {
  if (state.selected) state.selected.classList.remove("selected");
  state.selected = tr;
  tr.classList.add("selected");
  const body = await api("/api/docs/" + encodeURIComponent(ev.doc_id));
  const doc = body.doc;
  const spans = [];
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      spans.push({ start: m[0], end: m[1], cls: "mention k-" + e.kind, title: e.kind + ": " + e.name });
    }
  }
  const stored = doc.events[ev.idx];
  if (stored) {
    spans.push({ start: stored.span[0], end: stored.span[1], cls: "evidence", title: "evidence of " + stored.code });
    spans.push({ start: stored.predicate[0], end: stored.predicate[1], cls: "predicate" });
  }
  $("a-title").textContent = doc.title || doc.path || doc.id;
  $("a-meta").textContent = [doc.source, doc.published, doc.lang, doc.dateline, "document " + doc.id.slice(0, 12)]
    .filter(Boolean).join(" · ");
  $("a-text").replaceChildren(highlighted(body.text || "", spans));
  $("article").hidden = false;
  // Scroll the article (not the page) to the evidence.
  const box = $("a-text"), mark = box.querySelector(".evidence");
  box.scrollTop = mark ? Math.max(0, mark.offsetTop - box.offsetTop - 40) : 0;
}

// ---- timeline ----

async function loadTimeline() {
  const p = filterParams();
  p.set("unit", $("unit").value);
  const body = await api("/api/timeline", p);
  const periods = [...new Set(body.bins.map((b) => b.period))].sort();
  const index = new Map(periods.map((d, i) => [d, i]));
  const series = [1, 2, 3, 4].map(() => periods.map(() => 0));
  for (const b of body.bins) series[Number(b.key) - 1][index.get(b.period)] = b.n;
  const xs = periods.map((d) => Date.parse(d + "T00:00:00Z") / 1000);
  const data = [xs, ...series];
  if (state.chart) state.chart.destroy();
  const width = $("timeline").clientWidth || 600;
  state.chart = new uPlot({
    width, height: 220,
    series: [{}].concat([1, 2, 3, 4].map((q) => ({
      label: QUAD_NAMES[q], stroke: QUAD_COLOURS[q], width: 2, points: { show: xs.length < 60 },
    }))),
    axes: [{}, { label: "events" }],
    scales: { x: { time: true } },
  }, data, $("timeline"));
}

// ---- graph ----

async function loadGraph() {
  const p = filterParams();
  const body = await api("/api/graph", p);
  const max = Math.max(1, ...body.nodes.map((n) => n.mentions));
  const elements = body.nodes.map((n) => ({
    data: { id: String(n.id), label: n.name, kind: n.kind, size: 18 + 42 * Math.sqrt(n.mentions / max), node: n },
  }));
  body.edges.forEach((e, i) => elements.push({
    data: { id: "e" + i, source: String(e.source), target: String(e.target),
            colour: QUAD_COLOURS[e.quad], width: 1 + Math.log2(1 + e.n), n: e.n, quad: e.quad },
  }));
  if (state.graph) state.graph.destroy();
  state.graph = cytoscape({
    container: $("graph"),
    elements,
    style: [
      { selector: "node", style: { width: "data(size)", height: "data(size)", label: "data(label)",
        "font-size": 10, "background-color": "#8fa1bd", "text-valign": "bottom", "text-margin-y": 2 } },
      { selector: "node[kind = 'country']", style: { "background-color": "#2f6fb3" } },
      { selector: "node[kind = 'person']", style: { "background-color": "#7a4ed9" } },
      { selector: "node[kind = 'org']", style: { "background-color": "#d1495b" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", opacity: 0.7,
        "curve-style": "bezier", "target-arrow-shape": "triangle", "target-arrow-color": "data(colour)" } },
    ],
    layout: { name: elements.length ? "cose" : "grid", animate: false, randomize: false, nodeRepulsion: 9000 },
  });
  state.graph.on("tap", "node", (e) => showEntity(e.target.data("node")));
  state.graph.on("tap", "edge", (e) => {
    const s = e.target.source().data("node"), t = e.target.target().data("node");
    if (s.country && t.country) { $("f-dyad").value = s.country + ":" + t.country; refresh(); }
  });
}

async function showEntity(node) {
  const body = await api("/api/entities/" + node.id);
  const en = body.entity;
  const box = $("entity");
  box.replaceChildren(
    el("b", {}, en.name), " ", en.kind, en.country ? " · " + en.country : "",
    " · " + en.docs + " documents, " + en.mentions + " mentions, " + en.events + " events",
    el("br"), "written as: " + body.variants.slice(0, 8).map((v) => v.text).join(", "),
    el("br"), "relations: " + (body.relations.map((r) => r.relation.replace("_", " ") +
      (r.label ? " (" + r.label + ")" : "") + " " + r.other.name).slice(0, 6).join("; ") || "none"));
  const show = el("button", { type: "button" }, "events of " + en.name);
  show.addEventListener("click", () => { $("f-actor").value = en.name; refresh(); });
  box.append(" ", show);
}

// ---- putting it together ----

async function refresh() {
  const p = filterParams();
  history.replaceState(null, "", p.toString() ? "?" + p : location.pathname);
  document.body.dataset.ready = "0";
  status("loading...");
  try {
    await Promise.all([loadEvents(false), loadTimeline(), loadGraph()]);
    // The totals once per page: they cost a count of every table.
    if (!state.stats) state.stats = await api("/api/stats");
    const st = state.stats;
    status(st.documents + " documents, " + st.events + " events, " + st.nodes + " entities in the database");
    document.body.dataset.ready = "1";
  } catch (err) {
    status(err.message, true);
    document.body.dataset.ready = "error";
  }
}

function init() {
  const p = new URLSearchParams(location.search);
  for (const name of FILTERS) if (p.has(name)) $("f-" + name).value = p.get(name);
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  $("clear").addEventListener("click", () => { for (const n of FILTERS) $("f-" + n).value = ""; refresh(); });
  $("unit").addEventListener("change", () => loadTimeline().catch((e) => status(e.message, true)));
  $("more").addEventListener("click", () => loadEvents(true).catch((e) => status(e.message, true)));
  refresh();
}

init();
