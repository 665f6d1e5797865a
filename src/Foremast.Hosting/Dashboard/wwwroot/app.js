// Foremast dashboard: reads the JSON API (GET /api/runs, GET /api/runs/{id}) and draws it. It never decides a
// checkpoint itself: an open checkpoint links to its signed approval page, whose form and rules are the only way.
"use strict";

(function () {
  const ACTIVE = new Set(["Running", "Pending", "Suspended"]);
  const ACTIVE_POLL_MS = 2000;
  const IDLE_POLL_MS = 10000;
  const SYMBOLS = {
    Succeeded: "✓", Completed: "✓", Failed: "✗", Running: "▶", Configuring: "▶", WaitingForApproval: "‖",
    Suspended: "‖", Pending: "○", Skipped: "–", Stopped: "■", Cancelled: "⊘", Terminated: "⊘",
  };
  const LABELS = { WaitingForApproval: "Waiting for approval" };
  const STATES = ["active", "ended", "Running", "Succeeded", "Failed", "Stopped", "Cancelled"];

  let timer = null;
  let lastJson = "";
  let blobUrls = [];

  // On the Functions host the run API needs a function key: open the page once as /?code=KEY. The key moves to this
  // tab's session storage and out of the address bar, and goes to the API as a header, never into links.
  const params = new URLSearchParams(location.search);
  if (params.has("code")) {
    sessionStorage.setItem("foremast.key", params.get("code"));
    params.delete("code");
    history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : "") + location.hash);
  }

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") el.className = value;
      else if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
      else el.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  function pick(obj, name) {
    // The API writes camelCase; accept PascalCase too so a host with other JSON settings still renders.
    if (!obj) return undefined;
    if (name in obj) return obj[name];
    const pascal = name[0].toUpperCase() + name.slice(1);
    return obj[pascal];
  }

  async function api(path) {
    const headers = { Accept: "application/json" };
    const key = sessionStorage.getItem("foremast.key");
    if (key) headers["x-functions-key"] = key;
    const response = await fetch(path, { headers, cache: "no-store" });
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch { body = null; }
    if (!response.ok) {
      let message = (body && pick(body, "error")) || `${response.status} ${response.statusText}`;
      if (response.status === 401) message = "The run API needs a function key on this host: open the dashboard once as /?code=<function key>.";
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function stateBadge(state, extraClass) {
    const s = state || "Unknown";
    return h("span", { class: `state s-${s}${extraClass ? " " + extraClass : ""}`, "data-state": s },
      h("span", { "aria-hidden": "true" }, (SYMBOLS[s] || "?") + " "), LABELS[s] || s);
  }

  function utc(value) {
    if (!value) return "";
    const d = new Date(value);
    if (isNaN(d)) return String(value);
    return d.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  }

  function timeEl(value) {
    return value ? h("time", { datetime: new Date(value).toISOString() }, utc(value)) : "";
  }

  function duration(from, to) {
    if (!from) return "";
    const ms = (to ? new Date(to) : new Date()) - new Date(from);
    if (!(ms >= 0)) return "";
    if (ms < 10000) return `${(ms / 1000).toFixed(1)} s`;
    const s = Math.round(ms / 1000);
    if (s < 60) return `${s} s`;
    const m = Math.floor(s / 60);
    if (m < 60) return `${m} min ${s % 60} s`;
    return `${Math.floor(m / 60)} h ${m % 60} min`;
  }

  function short(commit) {
    return commit ? commit.slice(0, 12) : "";
  }

  function setLive(text) {
    const live = document.getElementById("live");
    if (live) live.textContent = text;
  }

  function schedule(fn, active) {
    clearTimeout(timer);
    timer = setTimeout(fn, active ? ACTIVE_POLL_MS : IDLE_POLL_MS);
  }

  // Re-rendering replaces the DOM; keep the keyboard focus and the open <details> where the user left them.
  function preserving(render) {
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : null;
    const open = new Set([...document.querySelectorAll("details[data-key]")].filter(d => d.open).map(d => d.dataset.key));
    render();
    for (const d of document.querySelectorAll("details[data-key]")) if (open.has(d.dataset.key)) d.open = true;
    if (focused) {
      const again = document.querySelector(`[data-key="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  }

  function showError(container, error) {
    container.replaceChildren(h("p", { class: "error-box", role: "alert" }, error.message || String(error)));
  }

  // ---------- run list ----------

  function listPage() {
    document.title = "Foremast runs";
    document.getElementById("nav-runs").setAttribute("aria-current", "page");
    const main = document.getElementById("main");
    const appInput = h("input", { id: "filter-app", name: "app", type: "text", value: params.get("app") || "", autocomplete: "off", spellcheck: "false", list: "apps" });
    const stateSelect = h("select", { id: "filter-state", name: "state" },
      h("option", { value: "" }, "Any state"),
      STATES.map(s => h("option", { value: s, selected: params.get("state") === s }, s === "active" ? "Active (running or waiting)" : s === "ended" ? "Ended" : s)));
    const results = h("div", { id: "results" });
    const form = h("form", { class: "filters", role: "search", "aria-label": "Filter runs", onsubmit: e => { e.preventDefault(); apply(); } },
      h("label", { for: "filter-app" }, "Application", appInput),
      h("datalist", { id: "apps" }),
      h("label", { for: "filter-state" }, "State", stateSelect),
      h("button", { type: "submit" }, "Filter"),
      h("button", { type: "button", class: "secondary", onclick: () => { appInput.value = ""; stateSelect.value = ""; apply(); } }, "Clear"));
    main.replaceChildren(h("h1", {}, "Runs"), form, h("p", { id: "live", class: "live", role: "status", "aria-live": "polite" }), results);
    stateSelect.addEventListener("change", apply);

    function apply() {
      const q = new URLSearchParams();
      if (appInput.value.trim()) q.set("app", appInput.value.trim());
      if (stateSelect.value) q.set("state", stateSelect.value);
      history.replaceState(null, "", "/" + (q.toString() ? "?" + q : ""));
      lastJson = "";
      refresh();
    }

    async function refresh() {
      const q = new URLSearchParams({ limit: "100" });
      if (appInput.value.trim()) q.set("app", appInput.value.trim());
      // active/ended are runtime groups (status=); the rest are run states (state=), since "Failed" is also a runtime status.
      if (stateSelect.value) q.set(stateSelect.value === "active" || stateSelect.value === "ended" ? "status" : "state", stateSelect.value);
      let active = false;
      try {
        const body = await api("/api/runs?" + q);
        const runs = pick(body, "runs") || [];
        active = runs.some(r => ACTIVE.has(pick(r, "runtimeStatus")));
        const json = JSON.stringify(runs);
        if (json !== lastJson) {
          lastJson = json;
          preserving(() => results.replaceChildren(runTable(runs)));
          const apps = [...new Set(runs.map(r => pick(r, "app")).filter(Boolean))].sort();
          document.getElementById("apps").replaceChildren(...apps.map(a => h("option", { value: a })));
        } else if (active) {
          // Durations of running runs still move.
          preserving(() => results.replaceChildren(runTable(runs)));
        }
        setLive(`${runs.length} run${runs.length === 1 ? "" : "s"}; updated ${utc(new Date())}${active ? "; refreshing every 2 s while runs are active" : ""}`);
      } catch (error) {
        showError(results, error);
        lastJson = "";
      }
      schedule(refresh, active);
    }

    refresh();
  }

  function runTable(runs) {
    if (runs.length === 0) return h("p", { class: "notice" }, "No runs match.");
    const sorted = [...runs].sort((a, b) => new Date(pick(b, "createdAt")) - new Date(pick(a, "createdAt")));
    return h("table", { class: "runs" },
      h("caption", {}, "Runs, newest first"),
      h("thead", {}, h("tr", {}, ["Run", "Application", "Version", "Commit", "Started", "State", "Duration"].map(c => h("th", { scope: "col" }, c)))),
      h("tbody", {}, sorted.map(run => {
        const id = pick(run, "runId");
        const started = pick(run, "startedAt") || pick(run, "createdAt");
        const runtime = pick(run, "runtimeStatus");
        const ended = pick(run, "endedAt") || (ACTIVE.has(runtime) ? null : pick(run, "lastUpdatedAt"));
        const state = pick(run, "state") || runtime;
        return h("tr", { "data-run": id },
          h("td", { class: "id", "data-label": "Run" }, h("a", { href: "/?run=" + encodeURIComponent(id), "data-key": "run:" + id }, id),
            pick(run, "dryRun") ? h("span", { class: "muted" }, " (dry run)") : ""),
          h("td", { "data-label": "Application" }, pick(run, "app") || ""),
          h("td", { "data-label": "Version" }, pick(run, "version") || ""),
          h("td", { "data-label": "Commit" }, pick(run, "commit") ? h("code", { title: pick(run, "commit") }, short(pick(run, "commit"))) : h("span", { class: "muted" }, "directory")),
          h("td", { "data-label": "Started" }, timeEl(started)),
          h("td", { "data-label": "State" }, stateBadge(state)),
          h("td", { "data-label": "Duration" }, duration(started, ended)));
      })));
  }

  // ---------- run page ----------

  function runPage(runId) {
    document.title = `Run ${runId} · Foremast`;
    const main = document.getElementById("main");
    const body = h("div", { id: "run" });
    main.replaceChildren(
      h("p", {}, h("a", { href: "/" }, "← All runs")),
      h("h1", {}, "Run ", h("span", { class: "run-id" }, runId)),
      h("p", { id: "live", class: "live", role: "status", "aria-live": "polite" }),
      body);

    async function refresh() {
      let active = false;
      try {
        const doc = await api("/api/runs/" + encodeURIComponent(runId));
        active = ACTIVE.has(pick(doc, "runtimeStatus"));
        const json = JSON.stringify(doc);
        if (json !== lastJson) {
          lastJson = json;
          preserving(() => body.replaceChildren(...runView(doc)));
        }
        setLive(`Updated ${utc(new Date())}${active ? "; refreshing every 2 s while the run is active" : "; the run has ended"}`);
      } catch (error) {
        showError(body, error);
        lastJson = "";
        active = error.status !== 404;
      }
      if (active) schedule(refresh, true);
    }

    refresh();
  }

  function runView(doc) {
    const status = pick(doc, "status") || {};
    const source = pick(doc, "source") || {};
    const config = pick(source, "config") || {};
    const artifact = pick(source, "artifact") || {};
    const runtime = pick(doc, "runtimeStatus");
    const state = pick(status, "state") || runtime;
    const started = pick(status, "startedAt") || pick(doc, "createdAt");
    const ended = pick(status, "endedAt") || (ACTIVE.has(runtime) ? null : pick(doc, "lastUpdatedAt"));
    const dryRun = !!pick(source, "dryRun");
    const cancelled = pick(doc, "cancelled");
    const regions = pick(status, "regions") || [];
    const rerun = pick(status, "rerun");

    const facts = h("dl", { class: "facts" },
      h("dt", {}, "State"), h("dd", { id: "run-state" }, stateBadge(state)),
      h("dt", {}, "Application"), h("dd", {}, pick(doc, "app") || ""),
      h("dt", {}, "Version"), h("dd", {}, pick(artifact, "version") || ""),
      h("dt", {}, "Config"), h("dd", {}, pick(config, "kind") === "git"
        ? [pick(config, "location"), " at ", h("code", {}, pick(config, "commit") || "")]
        : [pick(config, "location") || ""]),
      h("dt", {}, "Mode"), h("dd", {}, dryRun ? "Dry run (no change outside the engine)" : "Live"),
      rerun ? [h("dt", {}, "Rerun"), h("dd", { id: "run-rerun" }, rerunText(rerun))] : null,
      h("dt", {}, "Started"), h("dd", {}, timeEl(started)),
      ended ? [h("dt", {}, "Ended"), h("dd", {}, timeEl(ended))] : null,
      h("dt", {}, "Duration"), h("dd", {}, duration(started, ended)));

    const parts = [h("section", { "aria-labelledby": "h-summary" }, h("h2", { id: "h-summary", class: "visually-hidden" }, "Summary"), facts)];
    const problems = [pick(status, "error"), pick(doc, "failure")].filter(Boolean);
    if (cancelled) problems.push(`Cancelled by ${pick(cancelled, "by") || "someone"} at ${utc(pick(cancelled, "at"))}${pick(cancelled, "reason") ? ": " + pick(cancelled, "reason") : ""}`);
    for (const p of [...new Set(problems)]) parts.push(h("p", { class: "error-box" }, p));

    parts.push(checkpointsSection(doc, regions));
    parts.push(h("section", { "aria-labelledby": "h-regions" }, h("h2", { id: "h-regions" }, "Region pipelines"),
      regions.length ? regions.map(regionView) : h("p", { class: "notice" }, "No region has started yet (the run is reading its configuration).")));
    parts.push(changesSection(regions, dryRun));
    parts.push(pipelinesSection(doc));
    return parts.filter(Boolean);
  }

  // An attempt says which run it repeats and who asked, as the API recorded the request (a typed name says so).
  function rerunText(rerun) {
    const of = pick(rerun, "of");
    const source = pick(rerun, "source");
    return ["Of ", h("a", { href: "/?run=" + encodeURIComponent(of), "data-key": "rerun-of:" + of }, of),
      `, asked by ${pick(rerun, "by") || "anonymous"}${pick(rerun, "verified") ? "" : " (name typed, not verified)"}${source ? " from " + source : ""} at ${utc(pick(rerun, "at"))}`];
  }

  function checkpointsSection(doc, regions) {
    const waiting = regions.filter(r => pick(r, "checkpoint"));
    if (waiting.length === 0) return null;
    const links = pick(doc, "approvals");
    const items = waiting.map(region => {
      const gate = pick(region, "checkpoint");
      const env = pick(gate, "env");
      const link = (links || []).find(l => pick(l, "region") === pick(region, "region") && pick(l, "env") === env);
      return h("li", { "data-checkpoint": `${pick(region, "region")}:${env}` },
        h("strong", {}, `${pick(gate, "stage")} in ${pick(region, "region")}`), ` waits for a decision on ${env}. Expires ${utc(pick(gate, "expiresAt"))}.`,
        h("br"),
        link
          ? h("a", { class: "button", href: pick(link, "url"), "data-key": `approve:${pick(region, "region")}:${env}` }, `Approve or reject ${env} in ${pick(region, "region")}`)
          : h("span", { class: "muted" }, "The approval link is in the notification sent for this checkpoint (this host does not list approval links in the run status)."));
    });
    return h("section", { "aria-labelledby": "h-checkpoints" },
      h("h2", { id: "h-checkpoints" }, "Open checkpoints"),
      h("p", { class: "muted" }, "Decisions are taken on the signed approval page, with its form and its rules (who may approve, one decision per gate)."),
      h("ul", { class: "checkpoints" }, items));
  }

  function regionView(region) {
    const name = pick(region, "region");
    const stages = pick(region, "stages") || [];
    // Branch stages run beside the mainline: each hangs off the mainline stage it follows in the plan.
    const steps = [];
    for (const stage of stages) {
      if (pick(stage, "isBranch") && steps.length) steps[steps.length - 1].branches.push(stage);
      else steps.push({ main: stage, branches: [] });
    }
    const error = pick(region, "error");
    return h("section", { class: "region", "aria-labelledby": "h-region-" + name, "data-region": name },
      h("h3", { id: "h-region-" + name }, `Region ${name}`, stateBadge(pick(region, "state"))),
      error ? h("p", { class: "region-error" }, error) : null,
      h("div", { class: "graph", tabindex: "0", role: "group", "aria-label": `Stages of ${name}, in order` },
        h("ol", { class: "pipeline" }, steps.map(step => h("li", { class: "step" },
          stageCard(name, step.main, false),
          step.branches.length ? h("ul", { class: "branches", "aria-label": `Branch stages beside ${pick(step.main, "name")}` },
            step.branches.map(b => h("li", {}, stageCard(name, b, true)))) : null)))));
  }

  function stageCard(region, stage, branch) {
    const state = pick(stage, "state");
    const started = pick(stage, "startedAt");
    const ended = pick(stage, "endedAt");
    const changes = pick(stage, "changes") || [];
    const decision = pick(stage, "decision");
    // Retries of the stage's failed calls (its retry policy), recorded when the stage ends; absent when there were none.
    const retries = pick(stage, "retries");
    const key = `${region}:${pick(stage, "refId") || pick(stage, "name")}`;
    return h("article", { class: `stage k-${state}`, "data-stage": pick(stage, "name"), "data-state": state, "aria-label": `${pick(stage, "name")}: ${LABELS[state] || state}` },
      branch ? h("div", { class: "branch-tag" }, "branch") : null,
      h("h4", {}, pick(stage, "name")),
      h("div", {}, stateBadge(state)),
      h("p", { class: "meta" }, [pick(stage, "kind"), pick(stage, "env")].filter(Boolean).join(" · ")),
      started ? h("p", { class: "meta" }, "Started ", timeEl(started)) : null,
      started ? h("p", { class: "meta" }, ended ? "Took " : "Running for ", duration(started, ended)) : null,
      retries ? h("p", { class: "meta retries" }, `${retries} ${retries === 1 ? "retry" : "retries"}`) : null,
      decision ? h("p", { class: "meta" }, `${pick(decision, "verdict")} by ${pick(decision, "by") || "anonymous"}${pick(decision, "verified") ? "" : " (name typed, not verified)"} at ${utc(pick(decision, "at"))}${pick(decision, "comment") ? ": “" + pick(decision, "comment") + "”" : ""}`) : null,
      pick(stage, "error") ? h("p", { class: "stage-error" }, h("strong", {}, "Error: "), pick(stage, "error")) : null,
      changes.length ? h("details", { "data-key": "changes:" + key },
        h("summary", { "data-key": "changes-summary:" + key }, `${changes.length} change${changes.length === 1 ? "" : "s"}`),
        h("ul", {}, changes.map(c => h("li", {}, c)))) : null);
  }

  function changesSection(regions, dryRun) {
    const rows = [];
    for (const region of regions) {
      for (const stage of pick(region, "stages") || []) {
        for (const change of pick(stage, "changes") || []) rows.push([pick(region, "region"), pick(stage, "name"), change]);
      }
    }
    const title = dryRun ? "Recorded actions (dry run)" : "AWS changes";
    return h("section", { "aria-labelledby": "h-changes" },
      h("h2", { id: "h-changes" }, title),
      rows.length === 0
        ? h("p", { class: "muted" }, "None recorded.")
        : h("div", { class: "graph", tabindex: "0", role: "group", "aria-label": title },
          h("table", { class: "changes" },
            h("thead", {}, h("tr", {}, ["Region", "Stage", "Change"].map(c => h("th", { scope: "col" }, c)))),
            h("tbody", {}, rows.map(r => h("tr", {}, r.map(c => h("td", {}, c))))))));
  }

  function pipelinesSection(doc) {
    const pipelines = pick(doc, "pipelines");
    const list = Array.isArray(pipelines) ? pipelines : [];
    // Each render makes fresh download URLs; free the previous ones.
    for (const url of blobUrls) URL.revokeObjectURL(url);
    blobUrls = [];
    return h("section", { "aria-labelledby": "h-pipelines" },
      h("h2", { id: "h-pipelines" }, "Generated Spinnaker pipelines"),
      list.length === 0
        ? h("p", { class: "muted" }, "None recorded for this run yet.")
        : h("ul", { class: "pipelines" }, list.map((p, i) => {
          const name = pick(p, "name") || `pipeline-${i + 1}`;
          const file = pick(p, "fileName") || `${name}.json`;
          const text = JSON.stringify(pick(p, "document") ?? p, null, 2);
          const url = URL.createObjectURL(new Blob([text + "\n"], { type: "application/json" }));
          blobUrls.push(url);
          return h("li", { "data-pipeline": name },
            h("strong", {}, name), pick(p, "region") ? h("span", { class: "muted" }, ` (${pick(p, "region")})`) : null,
            h("div", { class: "actions" },
              h("a", { href: url, download: file, "data-key": "download:" + name }, `Download ${file}`)),
            h("details", { "data-key": "pipeline:" + name },
              h("summary", { "data-key": "pipeline-summary:" + name }, "View JSON"),
              h("pre", { tabindex: "0", "aria-label": `${name} JSON` }, text)));
        })));
  }

  function start() {
    const runId = params.get("run");
    if (runId) runPage(runId);
    else listPage();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
