// The Pattern Lab page: lists the topics, runs labs through POST /lab/runs, follows each run's
// Server-Sent Events (run, phase, chart, progress, end), draws the lab's charts with uPlot and
// reads the live strip once a second. Plain DOM, no framework: the page is small.
"use strict";

const state = { source: null, lab: null, charts: [] };
const $ = (id) => document.getElementById(id);

/** An element with text content only: nothing from the server is ever parsed as HTML. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/** TOPICS.md's text with its backticks set as code. */
function richText(text) {
  const span = el("span");
  text.split("`").forEach((part, i) => span.append(i % 2 ? el("code", { text: part }) : part));
  return span;
}

// ---- Theme: the system's unless chosen here; kept in this browser.

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  const button = $("theme");
  button.setAttribute("aria-pressed", String(theme === "dark"));
  button.textContent = theme === "dark" ? "Light theme" : "Dark theme";
  redrawCharts();
}

function initTheme() {
  const saved = localStorage.getItem("lab-theme");
  const system = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  applyTheme(saved || system);
  $("theme").addEventListener("click", () => {
    const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
    localStorage.setItem("lab-theme", next);
    applyTheme(next);
  });
}

// ---- Topics and labs

async function loadTopics() {
  const response = await fetch("/lab/topics", { headers: { Accept: "application/json" } });
  const catalogue = await response.json();
  const root = $("sections");
  root.replaceChildren();
  const jump = el("ul", { class: "jump", "aria-label": "Sections" });
  for (const section of catalogue.sections) {
    jump.append(el("li", {}, el("a", { href: "#section-" + section.code, title: section.title, text: section.code })));
  }
  root.append(jump);
  const onTopics = new Set();
  for (const section of catalogue.sections) {
    root.append(el("h2", { id: "section-" + section.code, text: section.code + " — " + section.title }));
    for (const topic of section.topics) {
      if (topic.lab) onTopics.add(topic.lab);
      root.append(topicCard(topic));
    }
  }
  const others = catalogue.labs.filter((lab) => !onTopics.has(lab.name));
  if (others.length) {
    jump.append(el("li", {}, el("a", { href: "#section-labs", text: "more labs" })));
    root.append(el("h2", { id: "section-labs", text: "More labs" }));
    const list = el("ul", { class: "lab-list" });
    for (const lab of others) {
      list.append(el("li", {}, runButton(lab.name), " ", el("strong", { text: lab.name }), " — " + lab.claim));
    }
    root.append(list);
  }
}

function topicCard(topic) {
  const card = el("article", { class: "topic", id: "topic-" + topic.code });
  card.append(el("h3", {}, el("span", { class: "code", text: topic.code }), topic.question));
  card.append(el("p", {}, richText(topic.answer)));
  // Paths from the repository's root: open them in your editor or on the repository's site.
  const files = el("ul");
  const groups = [["code", topic.sources], ["test", topic.tests], ["doc", topic.docs]];
  for (const [kind, items] of groups) {
    for (const link of items) files.append(el("li", {}, kind + ": ", el("code", { text: link.path })));
  }
  if (files.childElementCount) {
    card.append(el("details", { class: "links" }, el("summary", { text: "code, tests and docs" }), files));
  }
  const row = el("div", { class: "row" });
  if (topic.lab) row.append(runButton(topic.lab), el("code", { text: "./lab " + topic.lab }));
  else if (topic.command) row.append(el("span", { class: "command" }, "try: ", richText(topic.command)));
  if (row.childElementCount) card.append(row);
  return card;
}

function runButton(lab) {
  const button = el("button", { type: "button", class: "run-button", "data-lab": lab,
    "aria-label": "Run lab " + lab, text: "Run " + lab });
  button.addEventListener("click", () => startRun(lab));
  return button;
}

// ---- Runs

async function startRun(lab) {
  $("run-notice").textContent = "";
  const response = await fetch("/lab/runs", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ lab }),
  });
  const body = await response.json();
  if (response.status === 201) {
    watch(body.url);
  } else if (response.status === 409) {
    // One run per lab: show the running one instead of starting another.
    $("run-notice").textContent = "Lab " + lab + " is already running (409): watching " + body.run + ".";
    watch(body.run);
  } else {
    $("run-notice").textContent = "Could not start " + lab + ": " + response.status + " " + (body.detail || body.title);
  }
  $("run-panel").focus();
}

function watch(url) {
  if (state.source) state.source.close();
  const source = new EventSource(url + "/events");
  state.source = source;
  source.addEventListener("run", (event) => showRun(JSON.parse(event.data)));
  source.addEventListener("phase", (event) => addPhase(JSON.parse(event.data).phase));
  source.addEventListener("chart", (event) => addChart(JSON.parse(event.data)));
  source.addEventListener("progress", (event) => showProgress(JSON.parse(event.data)));
  source.addEventListener("end", (event) => {
    source.close();
    showRun(JSON.parse(event.data));
    loadHistory(state.lab);
  });
  source.onerror = () => {
    // The stream closed before its end event (a restart, a timeout): read the run once instead.
    source.close();
    readRun(url);
  };
}

async function readRun(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (response.ok) showRun(await response.json());
}

/** Draws a whole run: its heading, state, phases and charts so far. */
function showRun(run) {
  state.lab = run.lab;
  $("run-title").textContent = "Lab " + run.lab + " — run " + run.id;
  $("run-claim").textContent = run.claim;
  showState(run);
  $("phases").replaceChildren();
  run.phases.forEach(addPhase);
  state.charts = [];
  $("charts").replaceChildren();
  run.charts.forEach(addChart);
  if (run.progress && run.state === "RUNNING") showProgress(run.progress);
  else $("progress").hidden = true;
  const cancel = $("cancel");
  cancel.hidden = run.state !== "RUNNING";
  cancel.onclick = () => fetch(run.url, { method: "DELETE" });
}

function showState(run) {
  const seconds = run.finishedAt ? (new Date(run.finishedAt) - new Date(run.startedAt)) / 1000 : null;
  const stateLine = $("run-state");
  stateLine.replaceChildren(el("span", { class: run.state, text: run.state }),
    " · " + run.held + "/" + run.phases.length + " observations held" +
    (seconds !== null ? " · " + seconds.toFixed(1) + " s" : "") +
    (run.error ? " · " + run.error : ""));
}

function addPhase(phase) {
  const measured = Object.entries(phase.measured).map(([k, v]) => k + "=" + format(v)).join("  ");
  $("phases").append(el("li", { class: "phase " + (phase.passed ? "pass" : "fail") },
    el("div", {}, el("span", { class: "verdict", text: phase.passed ? "PASS" : "FAIL" }), phase.name),
    el("div", { class: "measured", text: measured }),
    el("div", { class: "expected", text: "expected: " + phase.observation })));
}

function showProgress(progress) {
  $("progress").hidden = false;
  $("progress-label").textContent = progress.step + ": " + progress.done + " of " + progress.total;
  const bar = $("progress-bar");
  bar.max = Math.max(progress.total, 1);
  bar.value = progress.done;
}

async function loadHistory(lab) {
  if (!lab) return;
  const response = await fetch("/lab/runs?lab=" + encodeURIComponent(lab), { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const runs = await response.json();
  const list = $("history-list");
  list.replaceChildren();
  for (const run of runs) {
    const seconds = run.finishedAt ? ((new Date(run.finishedAt) - new Date(run.startedAt)) / 1000).toFixed(1) + " s" : "running";
    const show = el("button", { type: "button", class: "quiet", text: "show" });
    show.addEventListener("click", () => run.state === "RUNNING" ? watch(run.url) : readRun(run.url));
    list.append(el("li", {}, run.id + ": " + run.state + ", " + run.held + "/" + run.phases.length +
      " held, " + seconds + " ", show));
  }
  $("history").hidden = runs.length === 0;
}

// ---- Charts (uPlot)

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"];

function addChart(chart) {
  state.charts.push(chart);
  drawChart(chart);
}

function redrawCharts() {
  if (!$("charts")) return;
  $("charts").replaceChildren();
  state.charts.forEach(drawChart);
}

function drawChart(chart) {
  const box = el("figure", { class: "chart", "data-title": chart.title });
  box.append(el("h3", { text: chart.title }));
  $("charts").append(box);
  if (typeof uPlot === "undefined") return;
  const css = getComputedStyle(document.documentElement);
  const ink = css.getPropertyValue("--text").trim();
  const grid = css.getPropertyValue("--line").trim();
  const categorical = chart.kind === "BARS";
  const x = categorical ? chart.x.map((_, i) => i) : chart.x;
  const singleBars = categorical && chart.series.length === 1;
  const series = [{ label: chart.xAxis || "x", value: (u, v) => (categorical ? chart.x[v] ?? "" : v) }];
  chart.series.forEach((s, i) => series.push({
    label: s.name,
    stroke: PALETTE[i % PALETTE.length],
    fill: singleBars ? PALETTE[i % PALETTE.length] + "99" : undefined,
    width: 2,
    points: { show: !singleBars, size: 7 },
    paths: singleBars ? uPlot.paths.bars({ size: [0.6, 80] }) : undefined,
  }));
  const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
  const options = {
    width: Math.max(300, box.clientWidth - 12),
    height: 200,
    series,
    legend: { show: chart.series.length > 1, live: false },
    scales: { x: categorical ? { time: false, range: [-0.5, chart.x.length - 0.5] } : { time: false },
      y: { range: (u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
    axes: [
      Object.assign({}, axis, { label: chart.xAxis || undefined,
        values: categorical ? (u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(chart.x[t] ?? "") : "")) : undefined,
        splits: categorical ? () => chart.x.map((_, i) => i) : undefined }),
      Object.assign({}, axis, { label: chart.yAxis }),
    ],
  };
  new uPlot(options, [x, ...chart.series.map((s) => s.values)], box);
}

// ---- Live strip: this instance's meters, read once a second

function format(value) {
  if (typeof value !== "number") return String(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
}

const STRIP = {
  requestsPerSecond: (v) => v.toFixed(0),
  p99Millis: (v) => "≤ " + format(v) + " ms",
  errorRatio: (v) => (v * 100).toFixed(1) + " %",
  cacheHitRatio: (v) => (v * 100).toFixed(0) + " %",
  outboxLagSeconds: (v) => format(v) + " s",
  poolUsage: (v) => (v * 100).toFixed(0) + " %",
};

async function readStrip() {
  try {
    const response = await fetch("/lab/live", { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const reading = await response.json();
    for (const cell of document.querySelectorAll("#strip dd")) {
      const value = reading[cell.dataset.key];
      cell.textContent = value === null || value === undefined ? "–" : STRIP[cell.dataset.key](value);
    }
  } catch (e) {
    // The service is restarting: the next tick tries again.
  }
}

document.addEventListener("DOMContentLoaded", () => {
  initTheme();
  loadTopics();
  readStrip();
  setInterval(readStrip, 1000);
});
