namespace Foremast.Aws.Safety;

/// <summary>Sees every AWS request before it is sent (call counts for benchmarks and tests, metrics).</summary>
public interface IAwsCallObserver
{
    void OnCall(AwsCall call, bool readOnlySession);
}
