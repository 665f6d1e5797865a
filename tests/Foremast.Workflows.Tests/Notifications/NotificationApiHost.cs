using System.Text.Json.Nodes;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Notifications;
using Foremast.Workflows.Tests.Http;
using Foremast.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Foremast.Workflows.Tests.Notifications;

/// <summary>
/// The API and durable host with real notification delivery: an HTTP receiver for the chat services and webhooks and
/// an SMTP server, both on loopback, and a runway whose <c>pipeline.json</c> sends <c>checkpoint.waiting</c> to all of them.
/// </summary>
public class NotificationApiHost : ApiHost
{
    public const string SlackToken = "xoxb-test-token-never-shown";
    public const string WebhookKey = "notification-webhook-signing-key";
    public const string Approver = "approver@example.com";

    public NotificationApiHost()
        : this(null, null)
    {
    }

    /// <param name="smtpUser">With <paramref name="smtpPassword"/>: the SMTP server requires them and the engine signs in with them.</param>
    protected NotificationApiHost(string? smtpUser, string? smtpPassword)
    {
        SmtpUser = smtpUser;
        SmtpPassword = smtpPassword;
        Smtp = new LoopbackSmtpServer(smtpUser, smtpPassword);
        Runway = RunwayWith(
            Target("slack", Http.BaseUrl + "slack-hook/T0/B0/x"),
            Target("slack", "#deploys"),
            Target("microsoftteams", "setting:teams-prod"),
            Target("googlechat", Http.BaseUrl + "chat/v1/spaces/S/messages?key=k&token=chat-secret"),
            Target("webhook", Http.BaseUrl + "hook", "pipeline.starting", "checkpoint.decided", "checkpoint.expiring", "pipeline.complete"),
            Target("email", Approver, "checkpoint.decided", "pipeline.complete"));
    }

    /// <summary>A <c>pipeline_notifications</c> entry; <c>checkpoint.waiting</c> plus <paramref name="more"/> events.</summary>
    public static JsonObject Target(string type, string address, params string[] more) =>
        new() { ["type"] = type, ["address"] = address, ["when"] = new JsonArray([.. new[] { "checkpoint.waiting" }.Concat(more).Select(w => (JsonNode)w)]) };

    /// <summary>A copy of the examples' runway whose <c>pipeline.json</c> sends to exactly these targets.</summary>
    public static string RunwayWith(params JsonObject[] targets)
    {
        var runway = Directory.CreateTempSubdirectory("foremast-notify-runway-").FullName;
        foreach (var file in Directory.GetFiles(ExamplesRunway)) File.Copy(file, Path.Combine(runway, Path.GetFileName(file)));
        var pipelineFile = Path.Combine(runway, "pipeline.json");
        var pipeline = JsonNode.Parse(File.ReadAllText(pipelineFile))!.AsObject();
        pipeline["pipeline_notifications"] = new JsonArray([.. targets]);
        File.WriteAllText(pipelineFile, pipeline.ToJsonString());
        return runway;
    }

    public LoopbackHttpReceiver Http { get; } = new();

    public LoopbackSmtpServer Smtp { get; }

    public string? SmtpUser { get; }

    public string? SmtpPassword { get; }

    /// <summary>Every line the durable host logged, at every level (<c>Level category: message</c>).</summary>
    public List<string> LogLines { get; } = [];

    public string Runway { get; }

    public string TeamsUrl => Http.BaseUrl + "teams/prod?sig=teams-secret-sig";

    protected override void ConfigureWorkflowServices(IServiceCollection services)
    {
        services.Configure<NotificationOptions>(o =>
        {
            o.Slack.Token = SlackToken;
            o.Slack.ApiBaseUrl = Http.BaseUrl + "slack-api/";
            o.Smtp.Host = "127.0.0.1";
            o.Smtp.Port = Smtp.Port;
            o.Smtp.UseTls = false;
            o.Smtp.From = "foremast@example.com";
            o.Smtp.User = SmtpUser;
            o.Smtp.Password = SmtpPassword;
            o.WebhookSigningKey = WebhookKey;
            o.Targets["teams-prod"] = TeamsUrl;
        });
        services.AddLogging(logging => logging.AddProvider(new ListLoggerProvider(LogLines)).AddFilter<ListLoggerProvider>(null, LogLevel.Trace));
        services.AddSingleton<INotifier>(sp => new DeliveringNotifier(
            sp.GetRequiredService<IActionRecorder>(), sp.GetRequiredService<NotificationSender>(), sp.GetRequiredService<NotificationRenderer>(), () => Api.Links));
    }
}
