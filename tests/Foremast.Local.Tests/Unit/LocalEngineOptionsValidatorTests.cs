namespace Foremast.Local.Tests.Unit;

public sealed class LocalEngineOptionsValidatorTests
{
    private static readonly LocalEngineOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(Validator.Validate(null, new LocalEngineOptions()).Succeeded);
    }

    [Fact]
    public void Dry_run_off_is_a_valid_default_because_each_run_decides_and_live_runs_fail_without_live_executors()
    {
        Assert.True(Validator.Validate(null, new LocalEngineOptions { DryRun = false }).Succeeded);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1hub")]
    [InlineData("my-hub")]
    public void Hub_names_storage_would_refuse_are_rejected(string hub)
    {
        var result = Validator.Validate(null, new LocalEngineOptions { TaskHub = hub });

        Assert.Contains(result.Failures!, f => f.Contains("task hub", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lease_renewed_no_sooner_than_it_expires_is_rejected()
    {
        var result = Validator.Validate(null, new LocalEngineOptions { LeaseInterval = TimeSpan.FromSeconds(5), LeaseRenewInterval = TimeSpan.FromSeconds(5) });

        Assert.Contains(result.Failures!, f => f.Contains("renew", StringComparison.Ordinal));
    }
}
