namespace Foremast.Workflows.Notifications;

/// <summary>One place a run's notifications go, as <c>pipeline.json</c> names it.</summary>
/// <param name="Type"><c>slack</c>, <c>email</c>, <c>microsoftteams</c>, <c>googlechat</c> or <c>webhook</c>; others are kept but not delivered.</param>
/// <param name="Address">A channel, address list, webhook URL, or <c>setting:NAME</c> (read from <c>Foremast:Notifications:Targets:NAME</c>).</param>
/// <param name="When">The events that go there (<c>pipeline.starting</c>, <c>checkpoint.waiting</c>, …).</param>
public sealed record NotificationTarget(string Type, string Address, IReadOnlyList<string> When);
