using System.Text.RegularExpressions;
using Foremast.Core.Plan;
using Foremast.Dashboard.Tests.Support;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Foremast.Dashboard.Tests;

/// <summary>
/// The dashboard in headless Chromium against a real local engine on Azurite. Runs are of the example app: dry runs
/// stop at each region's prod checkpoint; live runs fail their first stage here (no AWS executors on this engine),
/// which is a real failure with its real one-line error.
/// </summary>
public sealed partial class DashboardTests(DashboardEngine engine, Browser browser, ITestOutputHelper output)
    : IClassFixture<DashboardEngine>, IClassFixture<Browser>, IAsyncLifetime
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly Runs _runs = new(engine.Url);

    private static readonly string[] Regions = ["us-east-1", "us-west-2"];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _runs.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Run_list_picks_up_a_new_run_by_itself_and_shows_it_finished_with_version_state_and_duration()
    {
        var page = await browser.NewPageAsync(engine.Url);
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Runs", Exact = true })).ToBeVisibleAsync();

        // Started after the page loaded: the list must find it, and its end, without a reload.
        var runId = await _runs.StartAsync("2.0.1", dryRun: false);
        var row = page.Locator($"tr[data-run='{runId}']");
        await Expect(row.Locator("td[data-label=State]")).ToContainTextAsync("Failed", new() { Timeout = 30_000 });

        // The run's own status has ended it (its orchestration may still be sending the failure notification).
        var finished = await _runs.GetAsync(runId);
        Assert.Equal(RunState.Failed, finished.Status!.State);
        Assert.NotNull(finished.Status.EndedAt);
        await Expect(row.Locator("td[data-label=Application]")).ToHaveTextAsync("webshopacme");
        await Expect(row.Locator("td[data-label=Version]")).ToHaveTextAsync("2.0.1");
        await Expect(row.Locator("td[data-label=Started]")).ToContainTextAsync("UTC");
        await Expect(row.Locator("td[data-label=Duration]")).ToHaveTextAsync(Duration());

        // Filters by state and app, through their labels.
        await page.GetByLabel("State").SelectOptionAsync("Succeeded");
        await Expect(row).ToHaveCountAsync(0);
        await page.GetByLabel("State").SelectOptionAsync("Failed");
        await Expect(row).ToHaveCountAsync(1);
        await page.GetByLabel("Application").FillAsync("someotherapp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.GetByText("No runs match.")).ToBeVisibleAsync();
        Assert.Contains("app=someotherapp", page.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Run_page_draws_every_stage_of_each_region_with_the_state_the_run_status_reports()
    {
        var runId = await _runs.StartAsync("2.0.2", dryRun: true);
        // Quiet: both regions wait at their gate and no branch stage is still running, so the page and this document agree.
        var waiting = await _runs.WaitAsync(runId, d => d.Approvals?.Count == Regions.Length && d.Status!.Regions.All(r => r.Stages.All(s => s.State != StageState.Running)), RunTimeout);
        var page = await browser.NewPageAsync(engine.Url);

        await page.GotoAsync("/?run=" + runId);

        await Expect(page.Locator("#run-state")).ToContainTextAsync("Running");
        foreach (var region in waiting.Status!.Regions)
        {
            var section = page.Locator($"section[data-region='{region.Region}']");
            await Expect(section.Locator("article.stage")).ToHaveCountAsync(region.Stages.Count);
            foreach (var stage in region.Stages)
            {
                var card = section.Locator($"article.stage[data-stage='{stage.Name}']");
                await Expect(card).ToHaveAttributeAsync("data-state", stage.State.ToString());
                await Expect(card.Locator(".state")).ToContainTextAsync(stage.State == StageState.WaitingForApproval ? "Waiting for approval" : stage.State.ToString());
                // Branch stages hang beside the mainline stage they follow, not in the mainline.
                Assert.Equal(stage.IsBranch, await card.EvaluateAsync<bool>("e => !!e.closest('ul.branches')"));
            }

            // The order of the mainline is the plan's.
            var drawn = await section.Locator("ol.pipeline > li.step > article.stage").EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.stage)");
            Assert.Equal(region.Stages.Where(s => !s.IsBranch).Select(s => s.Name), drawn);
        }

        await Screenshots.SaveAsync(page, "dashboard-run");

        // What the dry run recorded, and the generated pipelines, viewable and downloadable.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recorded actions (dry run)" })).ToBeVisibleAsync();
        var changes = waiting.Status.Regions.SelectMany(r => r.Stages).SelectMany(s => s.Changes ?? []).ToList();
        Assert.NotEmpty(changes);
        await Expect(page.Locator("table.changes tbody tr")).ToHaveCountAsync(changes.Count);
        var pipeline = page.Locator("li[data-pipeline='webshopacme [us-east-1]']");
        await pipeline.GetByText("View JSON").ClickAsync();
        await Expect(pipeline.Locator("pre")).ToContainTextAsync("\"application\": \"webshopacme\"");
        var download = await page.RunAndWaitForDownloadAsync(() => pipeline.GetByRole(AriaRole.Link, new() { Name = "Download pipeline.us-east-1.json" }).ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"dashboard-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(saved);
        var expected = waiting.Pipelines!.Value.EnumerateArray().Single(p => p.GetProperty("region").GetString() == "us-east-1").GetProperty("document");
        using (var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(saved)))
        {
            Assert.True(System.Text.Json.JsonElement.DeepEquals(expected, json.RootElement), "the downloaded pipeline differs from the run's");
        }

        File.Delete(saved);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the open pipeline JSON widens the page");
    }

    [Fact]
    public async Task Approving_through_the_signed_approval_page_reached_from_the_run_page_resumes_the_run()
    {
        var runId = await _runs.StartAsync("2.0.3", dryRun: true);
        await _runs.WaitAsync(runId, d => d.Approvals?.Count == Regions.Length, RunTimeout);
        var page = await browser.NewPageAsync(engine.Url);
        await page.GotoAsync("/?run=" + runId);

        foreach (var region in Regions)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = $"Approve or reject prod in {region}" }).ClickAsync();

            // The engine's own approval page with its own form: the dashboard adds no way around it.
            await Expect(page).ToHaveURLAsync(new Regex("/api/approvals/[^/?#]+$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("prod");
            if (region == Regions[0]) await Screenshots.SaveAsync(page, "dashboard-approval");
            await page.GetByLabel("Your name").FillAsync("dashboard-test");
            await page.GetByLabel("Comment").FillAsync($"approved from the dashboard for {region}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Expect(page.GetByText("Recorded: approved by dashboard-test.")).ToBeVisibleAsync();

            await page.GotoAsync("/?run=" + runId);
        }

        // The run page follows the resumed run to its end by itself.
        await Expect(page.Locator("#run-state")).ToContainTextAsync("Succeeded", new() { Timeout = 45_000 });
        var done = await _runs.GetAsync(runId);
        Assert.Equal(("Completed", RunOutcome.Succeeded), (done.RuntimeStatus, done.Result!.Outcome));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open checkpoints" })).ToHaveCountAsync(0);
        foreach (var region in done.Status!.Regions)
        {
            var gate = region.Stages.Single(s => s.Kind == StageKind.Checkpoint);
            Assert.Equal((CheckpointVerdict.Approved, "dashboard-test"), (gate.Decision!.Verdict, gate.Decision.By));
            var card = page.Locator($"section[data-region='{region.Region}'] article.stage[data-stage='{gate.Name}']");
            await Expect(card).ToContainTextAsync("Approved by dashboard-test");
            await Expect(page.Locator($"section[data-region='{region.Region}'] article.stage:not([data-state='Succeeded'])")).ToHaveCountAsync(0);
        }

        await page.GotoAsync("/");
        await Expect(page.Locator($"tr[data-run='{runId}'] td[data-label=State]")).ToContainTextAsync("Succeeded");
        await Screenshots.SaveAsync(page, "dashboard-list");
        output.WriteLine($"run {runId} approved in both regions from the dashboard and completed");
    }

    [Fact]
    public async Task A_failed_stage_shows_its_error_and_the_stages_after_it_skipped()
    {
        var runId = await _runs.StartAsync("2.0.4", dryRun: false);
        var failed = await _runs.WaitAsync(runId, d => d.Status?.State == RunState.Failed && d.Status.Regions.All(r => RunStatus.IsFinal(r.State)), RunTimeout);
        var page = await browser.NewPageAsync(engine.Url);

        await page.GotoAsync("/?run=" + runId);

        await Expect(page.Locator("#run-state")).ToContainTextAsync("Failed");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AWS changes" })).ToBeVisibleAsync();
        foreach (var region in failed.Status!.Regions)
        {
            var stage = region.Stages.Single(s => s.State == StageState.Failed);
            var card = page.Locator($"section[data-region='{region.Region}'] article.stage[data-stage='{stage.Name}']");
            await Expect(card).ToHaveAttributeAsync("data-state", "Failed");
            await Expect(card.Locator(".stage-error")).ToHaveTextAsync("Error: " + stage.Error);
            Assert.Contains("no live executor", stage.Error, StringComparison.Ordinal);
            var after = region.Stages.SkipWhile(s => s.Name != stage.Name).Skip(1).ToList();
            Assert.NotEmpty(after);
            foreach (var skipped in after)
            {
                await Expect(page.Locator($"section[data-region='{region.Region}'] article.stage[data-stage='{skipped.Name}']")).ToHaveAttributeAsync("data-state", "Skipped");
            }
        }

        await Screenshots.SaveAsync(page, "dashboard-failed");
    }

    [Fact]
    public async Task A_stage_that_failed_once_and_then_succeeded_shows_its_retry_as_text_beside_its_timing()
    {
        // FlakyBaker fails the first bake step of this version once in each region; the stage's retry handler tries again.
        var runId = await _runs.StartAsync(FlakyBaker.Version, dryRun: true);
        var waiting = await _runs.WaitAsync(runId, d => d.Approvals?.Count == Regions.Length && d.Status!.Regions.All(r => r.Stages.All(s => s.State != StageState.Running)), RunTimeout);
        var page = await browser.NewPageAsync(engine.Url);

        await page.GotoAsync("/?run=" + runId);

        foreach (var region in waiting.Status!.Regions)
        {
            var bake = region.Stages.Single(s => s.Kind == StageKind.Bake);
            Assert.Equal((StageState.Succeeded, (int?)1), (bake.State, bake.Retries));
            var card = page.Locator($"section[data-region='{region.Region}'] article.stage[data-stage='{bake.Name}']");
            await Expect(card).ToHaveAttributeAsync("data-state", "Succeeded");
            await Expect(card.Locator(".retries")).ToHaveTextAsync("1 retry");
            // Beside the timing, in words: no colour or symbol needed to read it.
            Assert.True(await card.Locator(".retries").EvaluateAsync<bool>("e => e.previousElementSibling.textContent.startsWith('Took ')"), "the retry count is not next to the stage's timing");

            // Stages that never failed say nothing about retries.
            foreach (var other in region.Stages.Where(s => s.Retries is null))
            {
                await Expect(page.Locator($"section[data-region='{region.Region}'] article.stage[data-stage='{other.Name}'] .retries")).ToHaveCountAsync(0);
            }
        }

        await Screenshots.SaveAsync(page, "dashboard-retry");
    }

    [Fact]
    public async Task An_attempt_s_run_page_says_which_run_it_repeats_and_who_asked_for_it_and_links_to_that_run()
    {
        var runId = await _runs.StartAsync("2.0.8", dryRun: true);
        await _runs.WaitAsync(runId, d => d.Approvals?.Count == Regions.Length, RunTimeout);
        await _runs.CancelAsync(runId, RunTimeout);
        var attempt = await _runs.RerunAsync(runId, by: "release-manager");
        var asked = (await _runs.WaitAsync(attempt, d => d.Status?.Rerun is not null, RunTimeout)).Status!.Rerun!;
        var page = await browser.NewPageAsync(engine.Url);

        await page.GotoAsync("/?run=" + attempt);

        Assert.Equal((runId, "release-manager", false), (asked.Of, asked.By, asked.Verified));
        var rerun = page.Locator("#run-rerun");
        await Expect(rerun).ToContainTextAsync($"Of {runId}, asked by release-manager (name typed, not verified) from {asked.Source} at ");
        await Screenshots.SaveAsync(page, "dashboard-rerun", fullPage: false);
        await rerun.GetByRole(AriaRole.Link, new() { Name = runId }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("?run=" + Uri.EscapeDataString(runId)) + "$"));
        await Expect(page.Locator("#run-state")).ToContainTextAsync("Cancelled");
        // A first run repeats nothing.
        await Expect(page.Locator("#run-rerun")).ToHaveCountAsync(0);
        await _runs.CancelAsync(attempt, RunTimeout);
    }

    [Fact]
    public async Task On_a_phone_the_list_and_the_run_page_fit_the_screen_and_the_keyboard_reaches_everything()
    {
        var runId = await _runs.StartAsync("2.0.5", dryRun: false);
        await _runs.WaitAsync(runId, Runs.Ended, RunTimeout);
        var page = await browser.NewPageAsync(engine.Url, phone: true);

        await page.GotoAsync("/");
        await Expect(page.Locator($"tr[data-run='{runId}']")).ToBeVisibleAsync();
        Assert.True(await FitsWidthAsync(page), "the run list scrolls sideways on a phone");

        // The first Tab reaches the skip link, which is visible when focused and moves focus to the content.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        Assert.True(await skip.EvaluateAsync<bool>("e => parseFloat(getComputedStyle(e).left) >= 0"), "the skip link stays off-screen when focused");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();

        // Tab onwards to the run's link: each stop shows a focus outline; Enter opens the run.
        var link = page.Locator($"tr[data-run='{runId}'] a");
        for (var i = 0; i < 30 && !await link.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
            Assert.NotEqual("none", outline);
        }

        await Expect(link).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(Uri.EscapeDataString(runId)) + "$"));
        await Expect(page.Locator("article.stage[data-state='Failed']").First).ToBeVisibleAsync();
        Assert.True(await FitsWidthAsync(page), "the run page scrolls sideways on a phone");
        foreach (var landmark in new[] { AriaRole.Banner, AriaRole.Main, AriaRole.Contentinfo, AriaRole.Navigation })
        {
            await Expect(page.GetByRole(landmark)).ToHaveCountAsync(1);
        }

        await Screenshots.SaveAsync(page, "dashboard-phone", fullPage: false);
    }

    [Fact]
    public async Task A_function_key_in_the_address_goes_to_the_api_as_a_header_and_leaves_the_address_bar()
    {
        // The Functions app's run API needs a key; the page is opened once as /?code=KEY (the local engine ignores the header).
        var page = await browser.NewPageAsync(engine.Url);
        var keys = new List<string?>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/runs", StringComparison.Ordinal)) keys.Add(request.Headers.GetValueOrDefault("x-functions-key"));
        };

        await page.GotoAsync("/?code=test-key&state=ended");
        await Expect(page.GetByRole(AriaRole.Table).Or(page.GetByText("No runs match."))).ToBeVisibleAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Equal("test-key", k));
        Assert.Equal(new Uri(engine.Url, "/?state=ended"), new Uri(page.Url));
        await Expect(page.Locator("a[href*='test-key']")).ToHaveCountAsync(0);
    }

    private static async Task<bool> FitsWidthAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    [GeneratedRegex(@"^\d+(\.\d)? (s|min \d+ s)$")]
    private static partial Regex Duration();
}
