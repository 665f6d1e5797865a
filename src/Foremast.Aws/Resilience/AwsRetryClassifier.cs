using System.Net;

namespace Foremast.Aws.Resilience;

/// <summary>
/// Which AWS answers are worth another try: throttling (by error code, since AWS throttles with 400 as often as 429), 5xx,
/// 408/429, timeouts and dropped connections. Validation and permission errors are final: retrying cannot fix them.
/// </summary>
public static class AwsRetryClassifier
{
    private static readonly string[] ThrottlingCodes =
    [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled", "RequestThrottledException",
        "RequestLimitExceeded", "TooManyRequestsException", "ProvisionedThroughputExceededException", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException", "BandwidthLimitExceeded", "RequestTimeout", "RequestTimeoutException",
        "InternalError", "InternalFailure", "ServiceUnavailable",
    ];

    public static bool IsRetryableStatus(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>A 4xx whose body names a throttling code (read only for 400/403, where AWS puts them).</summary>
    public static bool IsThrottlingBody(string body) =>
        ThrottlingCodes.Any(code => body.Contains($"<Code>{code}</Code>", StringComparison.Ordinal) || body.Contains($"\"{code}\"", StringComparison.Ordinal));
}
