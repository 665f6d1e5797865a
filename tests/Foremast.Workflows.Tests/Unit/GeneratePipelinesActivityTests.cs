using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Spinnaker.Application;
using Foremast.Spinnaker.Generator;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Pipelines;
using Foremast.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Workflows.Tests.Unit;

public sealed class GeneratePipelinesActivityTests
{
    [Fact]
    public async Task Activity_publishes_the_generated_documents_when_the_run_is_not_a_dry_run()
    {
        var publisher = new RecordingPublisher();
        var store = new InMemoryPipelineStore();

        var summaries = await Activity(store, publisher).RunAsync(new FakeActivityContext(nameof(GeneratePipelinesActivity)), new GeneratePipelinesInput("run-1", Runs.Examples()));

        Assert.Equal(["webshopacme [us-east-1]", "webshopacme [us-west-2]"], publisher.Published.Select(d => d["name"]!.GetValue<string>()));
        Assert.All(summaries, s => Assert.Equal("created", s.Published));
        Assert.Equal(summaries.Select(s => s.Name), (await store.LoadAsync("run-1")).Select(p => p.Name));
    }

    [Fact]
    public async Task Activity_stores_but_never_publishes_in_a_dry_run()
    {
        var publisher = new RecordingPublisher();
        var store = new InMemoryPipelineStore();

        var summaries = await Activity(store, publisher).RunAsync(new FakeActivityContext(nameof(GeneratePipelinesActivity)), new GeneratePipelinesInput("run-2", Runs.Examples(), DryRun: true));

        Assert.Empty(publisher.Published);
        Assert.All(summaries, s => Assert.Equal(GatePublisher.DryRunSkipped, s.Published));
        Assert.Equal(2, (await store.LoadAsync("run-2")).Count);
    }

    [Fact]
    public async Task Gate_publisher_without_gate_options_publishes_nothing()
    {
        Assert.Equal(new PublishOutcome(null), await new GatePublisher(null, new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>()).PublishAsync(Runs.Examples(), [], dryRun: false));
    }

    private static GeneratePipelinesActivity Activity(IPipelineStore store, ISpinnakerPublisher publisher) =>
        new(new PlannedLookups(), store, new PipelineGenerator(), publisher);

    private sealed class RecordingPublisher : ISpinnakerPublisher
    {
        public List<JsonObject> Published { get; } = [];

        /// <summary>Honours the dry-run decision as <see cref="GatePublisher"/> does.</summary>
        public Task<PublishOutcome> PublishAsync(ConfigSnapshot snapshot, IReadOnlyList<JsonObject> pipelines, bool dryRun, CancellationToken cancellationToken = default)
        {
            if (dryRun) return Task.FromResult(new PublishOutcome(null, GatePublisher.DryRunSkipped));
            Published.AddRange(pipelines);
            return Task.FromResult(new PublishOutcome(new PublishResult(snapshot.App, pipelines.Select(p => new PipelineChange(p["name"]!.GetValue<string>(), PipelineAction.Created, null)).ToList())));
        }
    }
}
